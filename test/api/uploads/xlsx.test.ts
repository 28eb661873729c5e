import { describe, expect, it } from "vitest";
import { expectError, signup } from "../../helpers";
import { buildXlsx, zip, type Cell } from "../../fixtures/uploads/xlsx";
import { PROSPECT_COLUMNS, prospectRows, toCsv } from "../../fixtures/uploads/prospects";
import { json, normalizedOf, objectCount, postUpload, uploadRowCount, XLSX_TYPE } from "./helpers";

const postXlsx = (token: string, bytes: Uint8Array, query?: string) => postUpload(token, bytes, { filename: "leads.xlsx", contentType: XLSX_TYPE, query });

describe("XLSX uploads", () => {
  it.each([
    ["deflated with shared strings", {}],
    ["stored entries", { compress: false }],
    ["inline strings", { inlineStrings: true }],
    ["prefixed element names", { prefixed: true }],
  ])("give the same normalized CSV as the same rows in a CSV (%s)", async (_label, options) => {
    const user = await signup();
    const rows = [PROSPECT_COLUMNS, ...prospectRows(120)];
    rows[7]![3] = 'Says "hi", then\nleaves';
    const fromCsv = await json(await postUpload(user.accessToken, toCsv(rows, ";", "\r\n")));
    const fromXlsx = await json(await postXlsx(user.accessToken, await buildXlsx([{ name: "Leads", rows }], options)));
    expect(fromXlsx).toMatchObject({ format: "xlsx", delimiter: null, encoding: "utf-8", sheetName: "Leads", headerRow: 1 });
    for (const field of ["columns", "rowCount", "sampleRows", "suggestedMapping", "warnings"]) expect(fromXlsx[field]).toEqual(fromCsv[field]);
    const a = await normalizedOf(fromCsv.id);
    const b = await normalizedOf(fromXlsx.id);
    expect(b.csv).toBe(a.csv);
    expect(b.index).toEqual(a.index);
  });

  it("shows numbers, dates, booleans, errors and formulas the way Excel shows them", async () => {
    const user = await signup();
    const file = await buildXlsx([
      {
        name: "Sheet1",
        rows: [
          ["Company", "Employees", "Revenue", "Founded", "Last call", "Active", "Score", "Phone", "Share", "Check"],
          ["Acme", 1200, { number: 1234567.891, format: "#,##0.00" }, { number: 36526, format: "yyyy-mm-dd" }, { number: 45292.5, format: "m/d/yyyy h:mm" }, true, { formula: "B2/100", value: 12 }, 4915112345678, { number: 0.125, format: "0.0%" }, { error: "#N/A" }],
          ["Beta", { formula: "1+1", value: 2 }, { formula: 'CONCAT("a","b")', value: "ab" }, null, null, false, 0.1, "+49 30 1234", 0.3333333333333333, { inline: "rich text" }],
        ],
      },
    ]);
    const upload = await json(await postXlsx(user.accessToken, file));
    expect(upload.sampleRows).toEqual([
      { Company: "Acme", Employees: "1200", Revenue: "1,234,567.89", Founded: "2000-01-01", "Last call": "1/1/2024 12:00", Active: "TRUE", Score: "12", Phone: "4915112345678", Share: "12.5%", Check: "#N/A" },
      { Company: "Beta", Employees: "2", Revenue: "ab", Founded: "", "Last call": "", Active: "FALSE", Score: "0.1", Phone: "+49 30 1234", Share: "0.333333333333333", Check: "rich text" },
    ]);
    expect(upload.warnings.find((w: { code: string }) => w.code === "formula_cells")).toMatchObject({ rows: [2] });
  });

  it("skips title rows, empty and hidden sheets, and reads ?sheet= by name or position", async () => {
    const user = await signup();
    const leads: Cell[][] = [["Q3 prospects"], [], ["Name", "Company"], ["Ann", "Acme"], ["Bob", "Beta"]];
    const file = await buildXlsx([
      { name: "Cover", rows: [] },
      { name: "Secret", rows: [["Name", "Company"], ["Hidden", "Co"]], hidden: true },
      { name: "Leads", rows: leads },
      { name: "Other", rows: [["Company"], ["Gamma"]] },
    ]);
    const first = await json(await postXlsx(user.accessToken, file));
    expect(first).toMatchObject({ sheetName: "Leads", headerRow: 3, columns: ["Name", "Company"], rowCount: 2 });
    expect(await json(await postXlsx(user.accessToken, file, "sheet=other"))).toMatchObject({ sheetName: "Other", rowCount: 1 });
    expect(await json(await postXlsx(user.accessToken, file, "sheet=2"))).toMatchObject({ sheetName: "Secret", rowCount: 1 });
    const error = await expectError(await postXlsx(user.accessToken, file, "sheet=Nope"), 400, "invalid_request");
    expect(error.details).toMatchObject({ sheets: ["Cover", "Secret", "Leads", "Other"] });
  });

  it("counts 1904-based dates when the workbook says so", async () => {
    const user = await signup();
    const file = await buildXlsx([{ name: "S", rows: [["Company", "Since"], ["Acme", { number: 0, format: "yyyy-mm-dd" }]] }], { date1904: true });
    expect((await json(await postXlsx(user.accessToken, file))).sampleRows[0]).toEqual({ Company: "Acme", Since: "1904-01-01" });
  });
});

describe("XLSX uploads — bad input", () => {
  const expectNothingLeft = async (userId: string) => {
    expect(await objectCount(userId)).toBe(0);
    expect(await uploadRowCount(userId)).toBe(0);
  };

  it("refuses an XLSX that is not a valid ZIP (422)", async () => {
    const user = await signup();
    const broken = new Uint8Array(200);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    const error = await expectError(await postXlsx(user.accessToken, broken), 422, "unparseable_file");
    expect(error.details).toMatchObject({ reason: "invalid_zip" });
    await expectNothingLeft(user.id);
  });

  it("refuses an XLSX cut short (422)", async () => {
    const user = await signup();
    const file = await buildXlsx([{ name: "S", rows: [["Company"], ["Acme"]] }]);
    await expectError(await postXlsx(user.accessToken, file.subarray(0, file.length - 30)), 422, "unparseable_file");
    await expectNothingLeft(user.id);
  });

  it("refuses a damaged deflate stream (422)", async () => {
    const user = await signup();
    const file = await buildXlsx([{ name: "S", rows: [["Company"], ["Acme"]] }], { compress: true });
    // Overwrite the start of the sheet's deflate data (right after its local header's name).
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    const at = indexOf(file, name) + name.length;
    for (let i = at; i < at + 8; i++) file[i] = 0xff;
    await expectError(await postXlsx(user.accessToken, file), 422, "unparseable_file");
    await expectNothingLeft(user.id);
  });

  it("refuses a ZIP that is not a workbook (415)", async () => {
    const user = await signup();
    const file = await zip([{ name: "word/document.xml", data: "<w:document/>" }]);
    const error = await expectError(await postXlsx(user.accessToken, file), 415, "unsupported_file_type");
    expect(error.details).toMatchObject({ detected: "zip" });
    await expectNothingLeft(user.id);
  });

  it("refuses a ZIP bomb, naming the ratio limit", async () => {
    const user = await signup();
    const file = await buildXlsx([{ name: "S", rows: [["Company"], ["Acme"]] }]);
    const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c></row>';
    const bomb = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    bomb.set(new TextEncoder().encode(head));
    const entries = await unzipNames(file);
    const patched = await zip(entries.map((entry) => (entry.name === "xl/worksheets/sheet1.xml" ? { name: entry.name, data: bomb } : entry)));
    expect(patched.length).toBeLessThan(200_000);
    const error = await expectError(await postXlsx(user.accessToken, patched), 422, "unparseable_file");
    expect(error.details).toMatchObject({ reason: "zip_bomb", maxRatio: 200 });
    await expectNothingLeft(user.id);
  });

  it("sizes the duplicate check from the sheet's declared range and says so when a sheet declares too few rows", async () => {
    const user = await signup();
    const rows: Cell[][] = [["Email", "Company"]];
    for (let i = 1; i <= 12_000; i++) rows.push([`lead${i}@example.com`, `Company ${i}`]);
    rows[5]![0] = "lead2@example.com"; // row 5 repeats row 2: found
    rows[11_999]![0] = "LEAD1@example.com"; // row 11,999 repeats row 1, after the check stopped: not looked at
    const entries = await unzipNames(await buildXlsx([{ name: "Leads", rows }]));
    // The sheet claims a used range of two rows: the check is sized for 10,000 (the least it takes).
    const lying = entries.map((entry) =>
      entry.name === "xl/worksheets/sheet1.xml"
        ? { name: entry.name, data: new TextDecoder().decode(entry.data).replace("<sheetData>", '<dimension ref="A1:B2"/><sheetData>') }
        : entry,
    );
    const upload = await json(await postXlsx(user.accessToken, await zip(lying)));
    expect(upload.rowCount).toBe(12_000);
    const partly = upload.warnings.find((w: { code: string }) => w.code === "duplicates_checked_partly");
    // Row 5 repeats an email, so the 10,001st different one comes on row 10,002.
    expect(partly.message).toMatch(/checked in the first 10,001 rows only: the file has more than 10,000 different email addresses/);
    expect(upload.warnings.find((w: { code: string }) => w.code === "duplicate_rows")).toMatchObject({ rows: [2, 5], count: 2 });

    // Declared correctly, the same sheet is checked to its last row.
    const honest = entries.map((entry) =>
      entry.name === "xl/worksheets/sheet1.xml"
        ? { name: entry.name, data: new TextDecoder().decode(entry.data).replace("<sheetData>", '<dimension ref="A1:B12001"/><sheetData>') }
        : entry,
    );
    const checked = await json(await postXlsx(user.accessToken, await zip(honest)));
    expect(checked.warnings.some((w: { code: string }) => w.code === "duplicates_checked_partly")).toBe(false);
    expect(checked.warnings.find((w: { code: string }) => w.code === "duplicate_rows")).toMatchObject({ rows: [1, 2, 5, 11_999], count: 4 });
  });

  it("refuses 10,000 columns (422)", async () => {
    const user = await signup();
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const file = await buildXlsx([{ name: "Wide", rows: [header, header.map(() => "x")] }]);
    const error = await expectError(await postXlsx(user.accessToken, file), 422, "unparseable_file");
    expect(error.details).toMatchObject({ reason: "too_many_columns", limit: 1000 });
    await expectNothingLeft(user.id);
  });

  it("refuses a 5 MB single cell (422 naming the limit)", async () => {
    const user = await signup();
    const file = await buildXlsx([{ name: "S", rows: [["Company", "Bio"], ["Acme", "x".repeat(5 * 1024 * 1024)]] }]);
    const error = await expectError(await postXlsx(user.accessToken, file), 422, "unparseable_file");
    expect(error.details).toMatchObject({ reason: "row_too_large", limitBytes: 1024 * 1024 });
    expect(error.message).toContain("1 MB");
    await expectNothingLeft(user.id);
  });

  it("refuses a workbook whose sheets are all empty", async () => {
    const user = await signup();
    const error = await expectError(await postXlsx(user.accessToken, await buildXlsx([{ name: "A", rows: [] }, { name: "B", rows: [[null, ""]] }])), 422, "unparseable_file");
    expect(error.details).toMatchObject({ reason: "empty", sheets: ["A", "B"] });
  });
});

/** The entries of a ZIP built by our fixture (stored or deflated), for rebuilding with one changed. */
async function unzipNames(bytes: Uint8Array): Promise<{ name: string; data: Uint8Array }[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: { name: string; data: Uint8Array }[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const raw = bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    const data = method === 8 ? new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).arrayBuffer()) : raw;
    entries.push({ name, data });
    at += 30 + nameLength + size;
  }
  return entries;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe("an XLSX sheet with a summary under the data", () => {
  it("leaves the Total row after the empty row out of the prospects, and says which row it was", async () => {
    const user = await signup();
    const rows = [["Name", "Company", "Deals"], ["Ann", "Acme", 3], ["Bob", "Globex", 2], [null, null, null], ["Grand total:", null, { formula: "SUM(C2:C3)", value: 5 }]];
    const upload = await json(await postXlsx(user.accessToken, await buildXlsx([{ name: "Leads", rows }])));
    expect(upload.rowCount).toBe(2);
    expect(upload.warnings.map((warning: { message: string }) => warning.message)).toContain(
      "The “Grand total:” row at row 5 looks like a total under the data, so it is not counted as a prospect.",
    );
  });
});
