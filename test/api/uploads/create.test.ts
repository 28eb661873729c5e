import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { PROSPECT_COLUMNS, prospectRows, toCsv } from "../../fixtures/uploads/prospects";
import { ROWS_PER_INDEX_CHUNK } from "../../../worker/uploads/normalized";
import { normalizedOf, objectCount, postUpload, uploadRowCount } from "./helpers";
import { LIMITS } from "../../../worker/uploads/limits";

describe("POST /v1/uploads — happy", () => {
  it("stores a CSV and says what it found, in the contract's shape", async () => {
    const user = await signup();
    const csv = toCsv([PROSPECT_COLUMNS, ...prospectRows(50)]);
    const response = await postUpload(user.accessToken, csv, { filename: "leads.csv" });
    expect(response.status).toBe(201);
    const upload = await json(response);
    expect(upload).toMatchObject({
      filename: "leads.csv",
      format: "csv",
      sizeBytes: new TextEncoder().encode(csv).length,
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      sheetName: null,
      columns: PROSPECT_COLUMNS,
      rowCount: 50,
      suggestedMapping: { first_name: "First Name", last_name: "Last Name", company: "Company Name", title: "Job Title", email: "Email", website: "Website" },
      suggestedProfile: null,
      warnings: [],
    });
    expect(upload.id).toMatch(/^upl_/);
    expect(new Date(upload.createdAt).toISOString()).toBe(upload.createdAt);
    expect(upload.sampleRows).toHaveLength(5);
    expect(upload.sampleRows[1]).toEqual(Object.fromEntries(PROSPECT_COLUMNS.map((name, i) => [name, prospectRows(2)[1]![i]])));

    const { csv: normalized, index } = await normalizedOf(upload.id);
    expect(normalized).toBe(csv);
    expect(index.rowCount).toBe(50);
  });

  it("reads an Excel export: BOM, semicolons, CRLF, title rows and blank lines", async () => {
    const user = await signup();
    const text = "\ufeffLead export;;;\r\n;;;\r\nVorname;Firma;Position;E-Mail\r\nJosé;Acme, Inc;CEO;jose@acme.de\r\n\r\nZoë;Beta;CTO;zoe@beta.de\r\n";
    const upload = await json(await postUpload(user.accessToken, text, { filename: "export.csv" }));
    expect(upload).toMatchObject({
      encoding: "utf-8",
      delimiter: ";",
      headerRow: 3,
      columns: ["Vorname", "Firma", "Position", "E-Mail"],
      rowCount: 2,
      suggestedMapping: { first_name: "Vorname", company: "Firma", title: "Position", email: "E-Mail" },
    });
    expect((await normalizedOf(upload.id)).csv).toBe('Vorname,Firma,Position,E-Mail\nJosé,"Acme, Inc",CEO,jose@acme.de\nZoë,Beta,CTO,zoe@beta.de\n');
  });

  it("takes multipart/form-data with a `file` field, streamed, same result as the raw body", async () => {
    const user = await signup();
    const csv = toCsv([PROSPECT_COLUMNS, ...prospectRows(12)], ",", "\r\n");
    const form = new FormData();
    form.set("note", "ignored");
    form.set("file", new File([csv], "from-browser.csv", { type: "text/csv" }));
    const response = await call("POST", "/v1/uploads", { token: user.accessToken, raw: form });
    expect(response.status).toBe(201);
    const upload = await json(response);
    expect(upload).toMatchObject({ filename: "from-browser.csv", rowCount: 12, sizeBytes: new TextEncoder().encode(csv).length });
    const raw = await json(await postUpload(user.accessToken, csv));
    expect((await normalizedOf(upload.id)).csv).toBe((await normalizedOf(raw.id)).csv);
  });

  it("streams a body of unknown length (chunked) through a multipart R2 upload", async () => {
    const user = await signup();
    const rows = prospectRows(70_000);
    const csv = toCsv([PROSPECT_COLUMNS, ...rows]);
    const bytes = new TextEncoder().encode(csv);
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 65_536));
        offset += 65_536;
      },
    });
    const response = await postUpload(user.accessToken, stream, { filename: "big.csv" });
    expect(response.status).toBe(201);
    const upload = await json(response);
    expect(upload).toMatchObject({ rowCount: 70_000, sizeBytes: bytes.length });
    const { csv: normalized, index } = await normalizedOf(upload.id);
    expect(normalized).toBe(csv);
    expect(index.chunks).toHaveLength(Math.ceil(70_000 / ROWS_PER_INDEX_CHUNK));
    expect(index.chunks.map((chunk) => chunk.rowCount).reduce((sum, n) => sum + n, 0)).toBe(70_000);
  });

  it("warns with row numbers about duplicates, ragged rows, blank companies and formula cells", async () => {
    const user = await signup();
    const text = [
      "First Name,Company,Email,Note",
      "Ann,Acme,ann@acme.com,ok",
      "Bob,,bob@beta.com,ok",
      "Ann2,Acme,ANN@acme.com ,ok",
      "Cy,Gamma,cy@gamma.com",
      "Di,Delta,di@delta.com,=HYPERLINK(\"x\")",
      "Ed,Eps,ed@eps.com,-12.5",
      "Fay,Zeta,ann@acme.com,@SUM(A1)",
    ].join("\n");
    const upload = await json(await postUpload(user.accessToken, text));
    expect(upload.rowCount).toBe(7);
    const byCode = Object.fromEntries(upload.warnings.map((w: { code: string }) => [w.code, w]));
    expect(byCode.duplicate_rows).toMatchObject({ rows: [1, 3, 7], count: 3 });
    expect(byCode.duplicate_rows.message).toMatch(/3 rows share an email/);
    expect(byCode.ragged_rows).toMatchObject({ rows: [4], count: 1 });
    expect(byCode.blank_company).toMatchObject({ rows: [2], count: 1 });
    expect(byCode.formula_cells).toMatchObject({ rows: [5, 7], count: 2 });
  });

  it("keeps a wide file's samples small enough to store, shortening long cells", async () => {
    const user = await signup();
    const header = Array.from({ length: 1000 }, (_, i) => (i === 0 ? "Company" : `Field ${i}`));
    const row = (n: number) => header.map((_, i) => `${n}-${i}-${"x".repeat(900)}`).join(",");
    const text = [header.join(","), ...Array.from({ length: 6 }, (_, n) => row(n))].join("\n");
    const response = await postUpload(user.accessToken, text);
    expect(response.status).toBe(201);
    const upload = await json(response);
    expect(upload).toMatchObject({ rowCount: 6 });
    expect(upload.sampleRows).toHaveLength(5);
    expect(upload.sampleRows[0].Company).toBe(`0-0-${"x".repeat(36)}…`);
    const { csv } = await normalizedOf(upload.id);
    expect(csv.split("\n")[1]).toBe(row(0));
  });

  it("says when no column looks like a company, and when the file has no header row", async () => {
    const user = await signup();
    const upload = await json(await postUpload(user.accessToken, "Ann,ann@acme.com\nBob,bob@beta.com\n"));
    expect(upload).toMatchObject({ headerRow: 0, columns: ["Column 1", "Column 2"], rowCount: 2, suggestedMapping: { email: "Column 2" } });
    expect(upload.warnings.map((w: { code: string }) => w.code)).toEqual(["no_header_row", "no_company_column"]);
  });

  it("replays the first answer for the same Idempotency-Key and stores nothing new", async () => {
    const user = await signup();
    const headers = { "Idempotency-Key": `upl-${crypto.randomUUID()}` };
    const first = await postUpload(user.accessToken, "Company\nAcme\n", { headers });
    const again = await postUpload(user.accessToken, "Company\nAcme\n", { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await json(again)).id).toBe((await json(first)).id);
    expect(await uploadRowCount(user.id)).toBe(1);
  });

  it("works with an API key that has uploads:write", async () => {
    const user = await signup();
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "crm", scopes: ["uploads:write", "uploads:read"] } }));
    const response = await postUpload(key.key, "Company\nAcme\n");
    expect(response.status).toBe(201);
  });
});

/** The start of an .ods file: a ZIP whose first entry, stored uncompressed, is `mimetype`. */
function odsBytes(): Uint8Array {
  const name = new TextEncoder().encode("mimetype");
  const type = new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet");
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04, 20, 0]);
  header[18] = header[22] = type.length;
  header[26] = name.length;
  return new Uint8Array([...header, ...name, ...type, 0x50, 0x4b, 0x03, 0x04]);
}

describe("POST /v1/uploads — bad input gets a clear 4xx and leaves nothing behind", () => {
  const cases: [string, BodyInit | (() => BodyInit), number, string, Record<string, unknown>?][] = [
    ["an empty file", "", 422, "unparseable_file", { reason: "empty" }],
    ["a file of blank lines", "\r\n\n  \n,,,\n", 422, "unparseable_file", { reason: "empty" }],
    ["a header without rows", "First Name,Company\n\n", 422, "unparseable_file", { reason: "no_rows" }],
    ["an unterminated quote", 'Name,Company\nAnn,Acme\nBob,"Beta\nCy,Gamma\n', 422, "unparseable_file", { reason: "unterminated_quote", line: 3 }],
    ["a PNG renamed .csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 415, "unsupported_file_type", { detected: "PNG image" }],
    ["a PDF renamed .csv", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n", 415, "unsupported_file_type", { detected: "PDF document" }],
    ["a legacy .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415, "unsupported_file_type"],
    ["binary bytes", new Uint8Array([1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 1, 2]), 415, "unsupported_file_type", { detected: "binary" }],
    ["an OpenDocument spreadsheet (.ods)", () => odsBytes(), 415, "unsupported_file_type", { detected: "OpenDocument spreadsheet" }],
    ["10,000 columns", () => `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n${"x,".repeat(9_999)}x\n`, 422, "unparseable_file", { reason: "too_many_columns", columns: 10_000 }],
    ["column names too long to repeat in every sample row", () => `${Array.from({ length: 1000 }, (_, i) => `${"€".repeat(250)}${i}`).join(",")}\n1,2\n`, 422, "unparseable_file", { reason: "header_too_large", limit: LIMITS.maxHeaderChars }],
    ["a 5 MB single cell", () => `Name,Company\nAnn,"${"x".repeat(5 * 1024 * 1024)}"\n`, 422, "unparseable_file", { reason: "row_too_large", line: 2 }],
  ];

  it.each(cases)("refuses %s", async (_label, body, status, code, details) => {
    const user = await signup();
    const response = await postUpload(user.accessToken, typeof body === "function" ? body() : body, { filename: "leads.csv" });
    const error = await expectError(response, status, code);
    if (details) expect(error.details).toMatchObject(details);
    expect(await objectCount(user.id)).toBe(0);
    expect(await uploadRowCount(user.id)).toBe(0);
  });

  it("does not count a Total row under the data (after a blank line) as a prospect, and says so", async () => {
    const user = await signup();
    const csv = "Name,Company,Deals\nAnn,Acme,3\nBob,Total Energies,2\n\nTotal,,5\n";
    const upload = await json(await postUpload(user.accessToken, csv));
    expect(upload.rowCount).toBe(2);
    const note = upload.warnings.find((warning: { code: string }) => warning.code === "summary_row");
    expect(note.message).toBe("The “Total” row at line 5 looks like a total under the data, so it is not counted as a prospect.");
  });

  it("names an .ods file as OpenDocument and says to save it as XLSX or CSV", async () => {
    const user = await signup();
    const error = await expectError(await postUpload(user.accessToken, odsBytes(), { filename: "leads.ods" }), 415, "unsupported_file_type");
    expect(error.message).toMatch(/OpenDocument spreadsheet \(\.ods\).*save it as .*\.xlsx.* or CSV/);
  });

  it("names the line of an unterminated quote in the message", async () => {
    const user = await signup();
    const error = await expectError(await postUpload(user.accessToken, 'Name,Company\n\nAnn,"Acme\n'), 422, "unparseable_file");
    expect(error.message).toMatch(/line 3/);
  });

  it("refuses a declared length over MAX_UPLOAD_BYTES with 413 before reading it", async () => {
    const user = await signup();
    const declared = 200 * 1024 * 1024;
    const fixed = new FixedLengthStream(declared);
    const writer = fixed.writable.getWriter();
    void writer.write(new TextEncoder().encode("Company\nAcme\n")).catch(() => undefined);
    const response = await postUpload(user.accessToken, fixed.readable);
    const error = await expectError(response, 413, "file_too_large");
    expect(error.details).toMatchObject({ limitBytes: 104_857_600, receivedBytes: declared });
    expect(error.message).toContain("100 MB");
    await writer.abort().catch(() => undefined);
    expect(await objectCount(user.id)).toBe(0);
  });

  it("stops a stream of unknown length at MAX_UPLOAD_BYTES with 413 and no leftovers", async () => {
    const user = await signup();
    const chunk = new TextEncoder().encode("Acme,".repeat(209_716)); // ~1 MiB
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 110 * 1024 * 1024) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const error = await expectError(await postUpload(user.accessToken, stream), 413, "file_too_large");
    expect(error.details).toMatchObject({ limitBytes: 104_857_600 });
    expect(sent).toBeLessThan(110 * 1024 * 1024);
    expect(await objectCount(user.id)).toBe(0);
    expect(await uploadRowCount(user.id)).toBe(0);
  }, 60_000);

  it("refuses a JSON body as not a file", async () => {
    const user = await signup();
    await expectError(await postUpload(user.accessToken, '{"a":1}', { contentType: "application/json" }), 415, "unsupported_file_type");
  });

  it("refuses multipart without a file part", async () => {
    const user = await signup();
    const form = new FormData();
    form.set("other", "x");
    const error = await expectError(await call("POST", "/v1/uploads", { token: user.accessToken, raw: form }), 400, "invalid_request");
    expect(error.message).toMatch(/file/);
  });

  it("refuses a multipart body whose boundary is not the one in Content-Type, without reading it all", async () => {
    const user = await signup();
    const part = `--real-boundary\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${"Company\nAcme\n".repeat(400_000)}\r\n--real-boundary--\r\n`;
    const response = await call("POST", "/v1/uploads", {
      token: user.accessToken,
      raw: part,
      headers: { "Content-Type": "multipart/form-data; boundary=wrong-boundary" },
    });
    const error = await expectError(response, 400, "invalid_request");
    expect(error.message).toMatch(/boundary/);
    expect(await objectCount(user.id)).toBe(0);
  });
});

describe("POST /v1/uploads — security", () => {
  it("needs credentials", async () => {
    await expectError(await call("POST", "/v1/uploads", { raw: "Company\nAcme\n", headers: { "Content-Type": "text/csv" } }), 401, "unauthorized");
  });

  it("refuses an API key without uploads:write", async () => {
    const user = await signup();
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "read only", scopes: ["uploads:read"] } }));
    await expectError(await postUpload(key.key, "Company\nAcme\n"), 403, "forbidden");
  });

  it("keeps only the last segment of a filename", async () => {
    const user = await signup();
    const upload = await json(await postUpload(user.accessToken, "Company\nAcme\n", { filename: "../../etc/pass\u0000wd.csv" }));
    expect(upload.filename).toBe("passwd.csv");
  });
});
