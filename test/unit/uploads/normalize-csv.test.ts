import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { csvField, csvLine } from "../../../worker/csv/write";
import { ApiError } from "../../../worker/lib/errors";
import { ROWS_PER_INDEX_CHUNK } from "../../../worker/uploads/normalized";
import { chunkRows, expectedNormalized, normalizeText } from "./helpers";
import { LIMITS } from "../../../worker/uploads/limits";

const TRICKY =
  "name,company,note\r\n" +
  'José,"Acme, Inc","line one\r\nline two"\r\n' +
  'Zoë,Beta,"she said ""hi"""\r\n' +
  "Łukasz,李雷 Ltd,🙂 emoji\r\n" +
  '"李雷","Gamma\nGmbH",\r\n' +
  "\r\n" +
  "Ann,Delta,plain\n" +
  "Bob,Epsilon,last row without line break";

describe("normalized CSV at every block boundary", () => {
  it("cuts blocks inside quotes, inside CRLF and inside multi-byte characters without changing a byte", async () => {
    const expected = expectedNormalized(TRICKY);
    for (const blockBytes of [1, 2, 3, 4, 5, 7, 11, 64]) {
      const { csv, result } = await normalizeText(TRICKY, blockBytes);
      expect({ blockBytes, csv }).toEqual({ blockBytes, csv: expected });
      expect(result.rowCount).toBe(6);
    }
  });

  it("matches the field parser on random records with quotes, delimiters, CR, LF and multi-byte text", async () => {
    const alphabet = ["a", "b", " ", ",", '"', "\r", "\n", "é", "李", "🙂", "x", "1", "="];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const rows: string[][] = [["c1", "c2", "c3"]];
    for (let r = 0; r < 60; r++) {
      rows.push(Array.from({ length: 3 }, () => Array.from({ length: random(6) + 1 }, () => alphabet[random(alphabet.length)]).join("")));
    }
    const text = rows.map((row) => row.map(csvField).join(",") + (random(2) ? "\r\n" : "\n")).join("");
    const expected = rows.map(csvLine).join("");
    for (const blockBytes of [1, 3, 8, 1 << 20]) {
      const { csv } = await normalizeText(text, blockBytes);
      expect(csv).toBe(expected);
    }
  });

  it("writes semicolon and tab files with commas, quoting only what needs it", async () => {
    const { csv, result } = await normalizeText("a;b;c\n1;x,y;3\n4;5;6\n", 2);
    expect(result.delimiter).toBe(";");
    expect(csv).toBe('a,b,c\n1,"x,y",3\n4,5,6\n');
    const tabs = await normalizeText("a\tb\n1\t2\n3\t4\n5\t6\n6\t7\n8\t9\n10\t11\n", 3);
    expect(tabs.result.delimiter).toBe("\t");
    expect(tabs.csv).toBe("a,b\n1,2\n3,4\n5,6\n6,7\n8,9\n10,11\n");
  });

  it("pads short rows and names a column the header forgot, so no cell is lost", async () => {
    const text = "a,b,c\n1,2,3\n4,5\n6,7,8,\n9,10,11,extra\n" + Array.from({ length: 6 }, (_, i) => `r${i},x,y`).join("\n");
    const { csv, result } = await normalizeText(text, 5);
    expect(result.columns).toEqual(["a", "b", "c", "Column 4"]);
    expect(csv.split("\n").slice(0, 5)).toEqual(["a,b,c,Column 4", "1,2,3,", "4,5,,", "6,7,8,", "9,10,11,extra"]);
    expect(result.warnings.find((w) => w.code === "ragged_rows")).toMatchObject({ rows: [2], count: 1 });
    expect(result.warnings.some((w) => w.code === "extra_cells_dropped")).toBe(false);
  });

  it("beyond the sniffed start, drops empty trailing cells silently and filled ones with a warning", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Person ${i},Company ${i},x`);
    rows[59_000] = "Late,Row,x,,,";
    rows[59_001] = "Later,Row,x,surprise";
    const { csv, result } = await normalizeText(`name,company,note\n${rows.join("\n")}\n`);
    expect(result.rowCount).toBe(60_000);
    expect(csv).toContain("\nLate,Row,x\nLater,Row,x\n");
    expect(result.warnings.find((w) => w.code === "extra_cells_dropped")).toMatchObject({ rows: [59_002], count: 1 });
    expect(result.warnings.some((w) => w.code === "ragged_rows")).toBe(false);
  });
});

describe("sample rows", () => {
  it("keeps fewer samples rather than more JSON than the upload's D1 row can hold", async () => {
    const columns = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    // 40 control characters a cell (the sample cell limit for 1,000 columns) are 240 bytes of JSON each.
    const row = columns.map(() => "\u0001".repeat(40)).join(",");
    const { result } = await normalizeText(`${columns.join(",")}\n${`${row}\n`.repeat(7)}`);
    expect(result.rowCount).toBe(7);
    expect(result.sampleRows.length).toBeGreaterThan(0);
    expect(result.sampleRows.length).toBeLessThan(5);
    expect(new TextEncoder().encode(JSON.stringify(result.sampleRows)).length).toBeLessThanOrEqual(LIMITS.maxSampleJsonBytes);
  });
});

describe("chunk index", () => {
  it("gives byte ranges of whole records, rows in order, each chunk parsing on its own", async () => {
    const lines = ["first,company,bio"];
    const per = ROWS_PER_INDEX_CHUNK;
    for (let i = 1; i <= 2 * per + 23; i++) lines.push(`P${i},Co ${i},${i % 7 === 0 ? `"multi\nline, ${i}"` : i % 5 === 0 ? "Zoë 李雷" : "x"}`);
    const text = lines.join("\r\n") + "\n";
    const { normalized, index } = await normalizeText(text, 13);
    expect(index).toMatchObject({ version: 1, rowCount: 2 * per + 23, rowsPerChunk: per, columns: ["first", "company", "bio"] });
    expect(index.headerBytes).toBe(new TextEncoder().encode("first,company,bio\n").length);
    expect(index.chunks.map((c) => [c.index, c.firstRow, c.rowCount])).toEqual([
      [0, 1, per],
      [1, per + 1, per],
      [2, 2 * per + 1, 23],
    ]);
    expect(index.chunks[0]!.start).toBe(index.headerBytes);
    expect(index.chunks[2]!.end).toBe(normalized.length);
    for (let i = 1; i < index.chunks.length; i++) expect(index.chunks[i]!.start).toBe(index.chunks[i - 1]!.end);
    const rows = chunkRows(index, normalized).flat();
    expect(rows).toEqual(parseCsv(text).slice(1));
  });
});

describe("refusals from the full pass", () => {
  it("names the line of an unterminated quote, whatever the block size", async () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n';
    for (const blockBytes of [1, 4, 1 << 20]) {
      const error = await normalizeText(text, blockBytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(422);
      expect((error as ApiError).details).toMatchObject({ reason: "unterminated_quote", line: 3 });
      expect((error as ApiError).message).toContain("line 3");
    }
  });

  it("refuses a header with no data rows", async () => {
    const error = await normalizeText("First Name,Company\n\n\n").catch((e: unknown) => e);
    expect((error as ApiError).details).toMatchObject({ reason: "no_rows" });
  });

  it("re-reads as Windows-1252 when bytes after the sniffed start are not UTF-8", async () => {
    const filler = Array.from({ length: 60_000 }, (_, i) => `Person ${i},Company ${i}`).join("\n");
    const head = new TextEncoder().encode(`name,company\n${filler}\n`);
    expect(head.length).toBeGreaterThan(1024 * 1024 + 64 * 1024);
    // "Zoë,Acmé" in cp1252: plain, and inside quotes (which the scanner checks as well).
    for (const [tail, normalized] of [
      [[0x5a, 0x6f, 0xeb, 0x2c, 0x41, 0x63, 0x6d, 0xe9, 0x0a], "Zoë,Acmé\n"],
      [[0x22, 0x5a, 0x6f, 0xeb, 0x22, 0x2c, 0x22, 0x41, 0x63, 0x6d, 0xe9, 0x2c, 0x20, 0x49, 0x6e, 0x63, 0x22, 0x0a], 'Zoë,"Acmé, Inc"\n'],
    ] as const) {
      const bytes = new Uint8Array(head.length + tail.length);
      bytes.set(head);
      bytes.set(tail, head.length);
      const { result, csv } = await normalizeText(bytes);
      expect(result.encoding).toBe("windows-1252");
      expect(result.rowCount).toBe(60_001);
      expect(csv.endsWith(normalized)).toBe(true);
    }
  });
});
