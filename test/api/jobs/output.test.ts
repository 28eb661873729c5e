import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { crc32 } from "../../../worker/jobs/output/zip";
import { uploadPrefix } from "../../../worker/storage";
import { normalizedKeyFor } from "../../../worker/uploads/normalized";
import { call, expectError, json, signup } from "../../helpers";
import { createScenario, createUploadFixture, jobBody, prospectRows, startJob, waitForJob } from "./fixtures";

/** Cells that break naive CSV writers and spreadsheet importers. */
function trickyRows(): string[][] {
  const rows = prospectRows(24);
  const tricky = [
    ["Ann", "O'Neil", 'Acme "Best" Corp', "CEO, EMEA", "Zürich", "Software", "ann@acme.test", 'She said "hi"\r\nand left'],
    ["José", "Müller", "Globex", "Head of Sales", "São Paulo", "Logistics", "00123", "=HYPERLINK(\"http://evil\",\"x\")"],
    ["李雷", "韩梅梅", "Initech 株式会社", "CFO", "北京", "Finance", "+49 30 1234567", "-5 degrees"],
    ["Zoë", "", "Hooli", "", "", "", "@handle", "   leading and trailing spaces   "],
    ["Łukasz", "Ąę", "Stark Freight", "Founder", "Kraków", "Transport", "12345678901234567890", "\ttab first"],
  ];
  tricky.forEach((row, i) => (rows[i + 1] = row));
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;

/** Every record separator outside quotes is CRLF. */
function recordSeparatorsAreCrlf(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n" && text[i - 1] !== "\r") return false;
  }
  return true;
}

async function finishedJob() {
  const user = await signup();
  const rows = trickyRows();
  const upload = await createUploadFixture(user, rows, 10);
  const scenario = await createScenario();
  const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, scenario))).id);
  expect(job.status).toBe("succeeded");
  return { user, rows, job, upload };
}

describe("GET /v1/jobs/:id/output", () => {
  it("CSV: UTF-8 with BOM and CRLF; every input cell comes back unchanged (formula-like ones neutralised)", async () => {
    const { user, rows, job } = await finishedJob();
    const response = await call("GET", `/v1/jobs/${job.id}/output?format=csv`, { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="leads-openline.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(recordSeparatorsAreCrlf(text)).toBe(true);

    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual([...rows[0]!, "personalized_line", "line_status"]);
    expect(parsed).toHaveLength(rows.length);
    for (let r = 1; r < rows.length; r++) {
      const input = rows[r]!;
      const output = parsed[r]!;
      expect(output).toHaveLength(input.length + 2);
      input.forEach((cell, c) => expect(output[c]).toBe(FORMULA.test(cell) ? `'${cell}` : cell));
      expect(output[input.length + 1]).toBe("generated");
      expect(output[input.length]!.length).toBeGreaterThan(20);
    }
    // The neutralised cells really were there.
    expect(parsed.flat().filter((cell) => cell.startsWith("'")).length).toBeGreaterThanOrEqual(4);
  });

  it("XLSX: a valid workbook, every input cell as text, formula-like cells quote-prefixed, and it re-uploads as the same table", async () => {
    const { user, rows, job } = await finishedJob();
    const response = await call("GET", `/v1/jobs/${job.id}/output?format=xlsx`, { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const entries = await unzip(bytes);
    expect([...entries.keys()].sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"].sort(),
    );
    const sheet = entries.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain("<t xml:space=\"preserve\">personalized_line</t>");
    expect(sheet).toContain("Acme &quot;Best&quot; Corp");
    expect(sheet).toContain('s="2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)</t>');
    expect(sheet.match(/<row /g)).toHaveLength(rows.length);

    // Re-uploaded, the workbook is the same table: the product reads its own output.
    const upload = await call("POST", "/v1/uploads?filename=out.xlsx", {
      token: user.accessToken,
      raw: bytes,
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    const body = await json(upload);
    expect(upload.status, JSON.stringify(body)).toBe(201);
    expect(body.columns).toEqual([...rows[0]!, "personalized_line", "line_status"]);
    expect(body.rowCount).toBe(rows.length - 1);
    const [row] = await env.DB.prepare("SELECT normalized_key FROM uploads WHERE id = ?").bind(body.id).all<{ normalized_key: string }>().then((r) => r.results);
    const normalized = parseCsv(await (await env.FILES.get(row!.normalized_key))!.text());
    for (let r = 1; r < rows.length; r++) {
      expect(normalized[r]!.slice(0, rows[r]!.length)).toEqual(rows[r]);
      expect(normalized[r]![rows[r]!.length + 1]).toBe("generated");
    }
  });

  it("answers 409 for rows, output and a preview once the job's upload is deleted", async () => {
    const { user, job, upload } = await finishedJob();
    // The normalized file goes (as DELETE /v1/uploads/:id removes it) while the rest is still there.
    const normalized = normalizedKeyFor(uploadPrefix(user.id, upload.id));
    expect(await env.FILES.head(normalized)).not.toBeNull();
    await env.FILES.delete(normalized);
    for (const path of [`/v1/jobs/${job.id}/rows`, `/v1/jobs/${job.id}/output?format=csv`, `/v1/jobs/${job.id}/output?format=xlsx`]) {
      const error = await expectError(await call("GET", path, { token: user.accessToken }), 409, "conflict");
      expect(error.message).toMatch(/deleted/);
    }
    const scenario = await createScenario();
    const preview = await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...jobBody(upload.id, scenario), mode: "preview", previewRows: 3 } });
    await expectError(preview, 409, "conflict");
  });

  it("rejects an unknown format or include with 400", async () => {
    const { user, job } = await finishedJob();
    await expectError(await call("GET", `/v1/jobs/${job.id}/output?format=pdf`, { token: user.accessToken }), 400, "invalid_request");
    await expectError(await call("GET", `/v1/jobs/${job.id}/output?include=research`, { token: user.accessToken }), 400, "invalid_request");
  });

  it("include=evidence adds an evidence column (CSV and XLSX) holding what each line rests on, as the rows API reports it", async () => {
    const { user, rows, job } = await finishedJob();
    const api = await json(await call("GET", `/v1/jobs/${job.id}/rows?limit=5`, { token: user.accessToken }));
    const first = api.data[0] as { evidence: Array<{ field: string; value: string }> };
    expect(first.evidence.length).toBeGreaterThan(0);
    const expected = first.evidence.map((item) => `${item.field}: "${item.value.replace(/"/g, "'")}"`).join("; ");

    const csv = await call("GET", `/v1/jobs/${job.id}/output?format=csv&include=evidence`, { token: user.accessToken });
    expect(csv.status).toBe(200);
    const parsed = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
    expect(parsed[0]).toEqual([...rows[0]!, "personalized_line", "line_status", "evidence"]);
    expect(parsed[1]![rows[0]!.length + 2]).toBe(expected);
    expect(parsed.slice(1).every((row) => row[rows[0]!.length + 1] !== "generated" || row[rows[0]!.length + 2] !== "")).toBe(true);

    const plain = parseCsv((await (await call("GET", `/v1/jobs/${job.id}/output?format=csv`, { token: user.accessToken })).text()).replace(/^\uFEFF/, ""));
    expect(plain[0]).not.toContain("evidence");

    const xlsx = await call("GET", `/v1/jobs/${job.id}/output?format=xlsx&include=evidence`, { token: user.accessToken });
    const sheet = (await unzip(new Uint8Array(await xlsx.arrayBuffer()))).get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<t xml:space="preserve">evidence</t>');
    expect(sheet).toContain(expected.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
  });

  it("the OpenAPI document describes include=evidence and the Evidence url", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    const parameters = doc.paths["/v1/jobs/{id}/output"].get.parameters as Array<{ name: string; schema: { enum?: string[] } }>;
    expect(parameters.find((p) => p.name === "include")?.schema.enum).toEqual(["evidence"]);
    expect(doc.components.schemas.Evidence.properties.url).toMatchObject({ type: "string" });
    expect(doc.components.schemas.Evidence.required).toEqual(["field", "value"]);
  });

  it("include=evidence: another user's job is 404", async () => {
    const { job } = await finishedJob();
    const other = await signup();
    await expectError(await call("GET", `/v1/jobs/${job.id}/output?include=evidence`, { token: other.accessToken }), 404, "not_found");
  });
});

/** A small ZIP reader for the test: the central directory, stored and deflated entries, CRCs checked. */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  expect(end).toBeGreaterThanOrEqual(0);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50);
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const content =
      method === 0 ? data : new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).arrayBuffer());
    expect(crc32(content)).toBe(crc);
    entries.set(name, new TextDecoder().decode(content));
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}
