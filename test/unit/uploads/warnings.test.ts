import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../worker/uploads/limits";
import { EmailIndex, WarningCollector } from "../../../worker/uploads/warnings";

const encoder = new TextEncoder();

/** Feeds one email per row (row 1 first) and returns the collected warnings. */
function collect(emails: string[], options: { maxRows?: number; maxEmails?: number } = {}) {
  const warnings = new WarningCollector(options.maxRows ?? emails.length, options.maxEmails);
  emails.forEach((email, i) => {
    const bytes = encoder.encode(email);
    warnings.email(bytes, 0, bytes.length, i + 1);
  });
  return warnings.list();
}

describe("duplicate emails", () => {
  it("names every row sharing an email, first rows included once, ignoring case and surrounding spaces", () => {
    const warnings = collect(["ann@acme.com", "bob@beta.io", " ANN@acme.com", "", "bob@beta.io\t", "Ann@Acme.com", "   ", "cy@gamma.de"]);
    expect(warnings).toEqual([{ code: "duplicate_rows", message: "5 rows share an email address with another row.", rows: [1, 2, 3, 5, 6], count: 5 }]);
  });

  it("tells different emails apart, also ones differing in a single byte or in non-ASCII letters", () => {
    const emails = Array.from({ length: 20_000 }, (_, i) => `person.${i}@example.com`);
    emails.push("zoë@example.com", "ZOË@example.com", "zoe@example.com");
    // Non-ASCII letters are compared as bytes: "ZOË" is not "zoë", and "zoe" is neither.
    expect(collect(emails)).toEqual([]);
  });

  it("keeps at most 100 row numbers per warning while counting all of them", () => {
    const [warning] = collect(Array.from({ length: 500 }, () => "same@acme.com"));
    expect(warning!.count).toBe(500);
    expect(warning!.rows).toHaveLength(LIMITS.maxWarningRows);
    expect(warning!.rows.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("stops checking when its table is full and says up to which row it checked", () => {
    // Capacity for 3 different emails: row 5 brings the 4th, so rows 1-4 are the ones checked.
    const warnings = collect(["a@x.io", "b@x.io", "a@x.io", "c@x.io", "d@x.io", "b@x.io", "e@x.io", "a@x.io"], { maxEmails: 3 });
    expect(warnings[0]).toMatchObject({ code: "duplicates_checked_partly", rows: [], count: 0 });
    expect(warnings[0]!.message).toMatch(/^Duplicate emails were checked in the first 4 rows only: the file has more than 3 different email addresses/);
    // Repeats found before the table filled are still reported; later ones (rows 6 and 8) are not looked at.
    expect(warnings[1]).toMatchObject({ code: "duplicate_rows", rows: [1, 3], count: 2 });
  });

  it("sizes its table once, from the rows the upload can hold, and never past the cap", () => {
    const small = new EmailIndex(1_000);
    expect(small.capacity).toBe(1_000);
    expect(small.bytes).toBeLessThan(20_000);
    const huge = new EmailIndex(50_000_000);
    expect(huge.capacity).toBe(LIMITS.maxDuplicateCheckEmails);
    expect(huge.bytes).toBe(24_000_000);
  });

  it("fills its table to capacity with every email still found again", () => {
    const index = new EmailIndex(30_000);
    const bytes = (i: number) => encoder.encode(`lead-${i}@example.org`);
    for (let i = 0; i < 30_000; i++) expect(index.firstRow(bytes(i), 0, bytes(i).length, i + 1)).toBe(0);
    for (let i = 0; i < 30_000; i += 997) expect(index.firstRow(bytes(i), 0, bytes(i).length, 40_000 + i)).toBe(i + 1);
    expect(index.firstRow(bytes(30_000), 0, bytes(30_000).length, 30_001)).toBe(-1);
  });
});
