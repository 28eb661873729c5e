import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { csvLine } from "../../../worker/csv/write";
import { excelCsvLine, neutralise } from "../../../worker/jobs/output/csv";
import { openOutput, outputHeader, outputRows } from "../../../worker/jobs/output/reader";
import { columnName, sheetRow, xmlText } from "../../../worker/jobs/output/xlsx";
import { crc32, ZipWriter } from "../../../worker/jobs/output/zip";
import { writeResult } from "../../../worker/jobs/results";

describe("CSV for Excel", () => {
  it("neutralises cells that start like a formula, and only those", () => {
    expect(["=1+1", "+49 30", "-5", "@x", "\tTab", "\rcr"].map(neutralise)).toEqual(["'=1+1", "'+49 30", "'-5", "'@x", "'\tTab", "'\rcr"]);
    expect(["a=b", "1-2", "", " =x", "mail@x"].map(neutralise)).toEqual(["a=b", "1-2", "", " =x", "mail@x"]);
  });

  it("writes CRLF records with RFC 4180 quoting that parse back", () => {
    const cells = ['say "hi"', "a,b", "two\nlines", "plain", "=cmd"];
    const line = excelCsvLine(cells);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(parseCsv(line)).toEqual([['say "hi"', "a,b", "two\nlines", "plain", "'=cmd"]]);
  });

  it("names its columns after the input's, never over them", () => {
    expect(outputHeader(["A", "B"])).toEqual(["A", "B", "personalized_line", "line_status"]);
    expect(outputHeader(["personalized_line", "line_status_2", "line_status"])).toEqual([
      "personalized_line",
      "line_status_2",
      "line_status",
      "personalized_line_2",
      "line_status_3",
    ]);
  });
});

describe("XLSX pieces", () => {
  it("escapes XML, keeps CR, and drops what XML cannot hold", () => {
    expect(xmlText('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(xmlText("a\r\nb\u0001c\uD800d")).toBe("a&#13;\nbcd");
    expect(xmlText("x".repeat(40_000))).toHaveLength(32_767);
  });

  it("names columns like Excel", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("writes text cells, bold headers, quote-prefixed formulas, and skips empty cells", () => {
    expect(sheetRow(1, ["Name", "Line"], true)).toBe(
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Name</t></is></c><c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve">Line</t></is></c></row>',
    );
    expect(sheetRow(7, ["", "=SUM(A1)", "00123"])).toBe(
      '<row r="7"><c r="B7" s="2" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c><c r="C7" t="inlineStr"><is><t xml:space="preserve">00123</t></is></c></row>',
    );
  });
});

describe("ZipWriter", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const whole = crc32(new TextEncoder().encode("hello world"));
    expect(crc32(new TextEncoder().encode(" world"), crc32(new TextEncoder().encode("hello")))).toBe(whole);
  });

  it("streams stored and deflated entries into a readable archive", async () => {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const zip = new ZipWriter(writer);
    const big = "row,".repeat(50_000);
    const done = (async () => {
      await zip.addStored("a.txt", "small");
      await zip.addDeflated("dir/b.txt", (async function* () {
        for (let i = 0; i < 10; i++) yield new TextEncoder().encode(big.slice(i * 20_000, (i + 1) * 20_000));
      })());
      await zip.finish();
      await writer.close();
    })();
    const bytes = new Uint8Array(await new Response(readable).arrayBuffer());
    await done;
    expect(bytes.byteLength).toBeLessThan(big.length / 10);
    const view = new DataView(bytes.buffer);
    const end = bytes.byteLength - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    // The deflated entry inflates back to the input, with the CRC the directory records.
    const directory = view.getUint32(end + 16, true);
    const second = directory + 46 + "a.txt".length;
    const local = view.getUint32(second + 42, true);
    const size = view.getUint32(second + 20, true);
    const data = bytes.subarray(local + 30 + "dir/b.txt".length, local + 30 + "dir/b.txt".length + size);
    const inflated = await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text();
    expect(inflated).toBe(big);
    expect(view.getUint32(second + 16, true)).toBe(crc32(new TextEncoder().encode(big)));
  });
});

describe("outputRows", () => {
  it("reads the normalized file once, cuts it at chunk boundaries and pairs each row with its result", async () => {
    const prefix = `test/output-rows/${crypto.randomUUID()}/`;
    const header = csvLine(["Name", "Note"]);
    const data = Array.from({ length: 7 }, (_, i) => [`Zoë ${i}`, i === 3 ? 'multi\nline "quoted"' : `n${i}`]);
    const encoder = new TextEncoder();
    let offset = encoder.encode(header).byteLength;
    const chunks = [];
    for (let c = 0; c < 3; c++) {
      const rows = data.slice(c * 3, c * 3 + 3);
      const bytes = encoder.encode(rows.map(csvLine).join("")).byteLength;
      const resultKey = c === 2 ? null : `${prefix}r${c}.json`;
      if (resultKey) {
        await writeResult(env.FILES, resultKey, {
          v: 1,
          jobId: "job_x",
          chunk: c,
          run: 0,
          firstRow: c * 3 + 1,
          rows: rows.map((_, i) => (i === 1 ? { status: "failed", reason: "too_long" } : { status: "generated", line: `line ${c * 3 + i + 1}` })),
        });
      }
      chunks.push({ chunk: c, start: offset, end: offset + bytes, firstRow: c * 3 + 1, rowCount: rows.length, resultKey });
      offset += bytes;
    }
    await env.FILES.put(`${prefix}normalized.csv`, header + data.map(csvLine).join(""));
    const plan = { userId: "u", status: "canceled" as const, columns: ["Name", "Note"], normalizedKey: `${prefix}normalized.csv`, total: 7, chunks };
    const out = [];
    for await (const rows of outputRows(await openOutput(env.FILES, plan))) out.push(...rows);
    expect(out.map((row) => row.cells)).toEqual(data);
    expect(out.map((row) => row.status)).toEqual(["generated", "failed", "generated", "generated", "failed", "generated", "skipped"]);
    expect(out[0]!.line).toBe("line 1");
    expect(out[1]!.line).toBe("");
  });
});
