import { describe, expect, it } from "vitest";
import { signup } from "../../helpers";
import { encodeAs, NAMES, type FixtureEncoding } from "../../fixtures/uploads/encodings";
import { json, normalizedOf, postUpload } from "./helpers";

/** Each encoding Excel and CRMs write, with the names that usually come out as mojibake. */
const CASES: [string, FixtureEncoding, boolean, string, string[]][] = [
  ["UTF-8", "utf-8", false, ",", NAMES],
  ["UTF-8 with BOM (Excel 'CSV UTF-8')", "utf-8", true, ";", NAMES],
  ["UTF-16 LE with BOM (Excel 'Unicode Text')", "utf-16le", true, "\t", NAMES],
  ["UTF-16 LE without BOM", "utf-16le", false, "\t", NAMES],
  ["UTF-16 BE with BOM", "utf-16be", true, ",", NAMES],
  ["UTF-16 BE without BOM", "utf-16be", false, "|", NAMES],
  ["Windows-1252 (Excel 'CSV' on Western Windows)", "windows-1252", false, ";", ["José", "Zoë", "François", "Müller"]],
];

describe("encodings round-trip through an upload", () => {
  it.each(CASES)("%s", async (_label, encoding, bom, delimiter, names) => {
    const user = await signup();
    const lines = [["First Name", "Company"].join(delimiter), ...names.map((name, i) => [name, `Firma ${name} ${i}`].join(delimiter))];
    const bytes = encodeAs(encoding, lines.join("\r\n") + "\r\n", bom);
    const upload = await json(await postUpload(user.accessToken, bytes, { filename: "names.csv" }));
    expect(upload).toMatchObject({ encoding, delimiter, rowCount: names.length, columns: ["First Name", "Company"] });
    expect(upload.sampleRows.map((row: Record<string, string>) => row["First Name"])).toEqual(names.slice(0, 5));
    const expected = ["First Name,Company", ...names.map((name, i) => `${name},Firma ${name} ${i}`)].join("\n") + "\n";
    expect((await normalizedOf(upload.id)).csv).toBe(expected);
  });
});
