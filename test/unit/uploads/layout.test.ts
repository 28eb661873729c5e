import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { ApiError } from "../../../worker/lib/errors";
import { detectDelimiter, detectLayout, uniqueColumnNames } from "../../../worker/uploads/layout";
import { LIMITS } from "../../../worker/uploads/limits";

describe("detectDelimiter", () => {
  it("picks the delimiter that splits rows consistently, not the first one seen", () => {
    // Commas appear first (inside names), but only semicolons split every row the same way.
    const text = "Name;Company;City\nDoe, Jane;Acme, Inc;Berlin\nRoe, Rick;Beta;Paris, FR\nLee;Gamma, Ltd;Rome\n";
    expect(detectDelimiter(text, true)).toBe(";");
  });

  it("finds tab and pipe files and defaults to comma for one column", () => {
    expect(detectDelimiter("a\tb\tc\n1\t2, 3\t4\n5\t6\t7\n", true)).toBe("\t");
    expect(detectDelimiter("a|b\n1|2\n3|4\n", true)).toBe("|");
    expect(detectDelimiter("email\nann@example.com\n", true)).toBe(",");
  });

  it("prefers more fields among consistent candidates", () => {
    const text = "a,b,c,d;x\n1,2,3,4;y\n5,6,7,8;z\n";
    expect(detectDelimiter(text, true)).toBe(",");
  });

  it("is not thrown off by a quote opened under the wrong delimiter", () => {
    expect(detectDelimiter('a,b\n"x;y",2\n3,"z ""q"";"\n', true)).toBe(",");
  });
});

describe("detectLayout", () => {
  const layoutOf = (text: string) => detectLayout(parseCsv(text));

  it("skips title and blank rows above the header", () => {
    const layout = layoutOf("Prospects — Q3 export\n\nGenerated 2024-05-01,,,\nFirst Name,Last Name,Company,Email\nAnn,Lee,Acme,ann@acme.com\n");
    expect(layout).toMatchObject({ headerIndex: 3, headerless: false, columns: ["First Name", "Last Name", "Company", "Email"] });
  });

  it("treats a first row of data as no header and names the columns", () => {
    const layout = layoutOf("Ann,Acme,ann@acme.com\nBob,Beta,bob@beta.com\n");
    expect(layout).toMatchObject({ headerIndex: -1, headerless: true, columns: ["Column 1", "Column 2", "Column 3"] });
  });

  it("refuses a file whose rows are all empty", () => {
    expect(() => layoutOf(",,\n\n , \n")).toThrow(ApiError);
  });

  it("refuses 10,000 columns naming the limit", () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    let error: unknown;
    try {
      layoutOf(`${header}\n1,2\n`);
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).details).toMatchObject({ reason: "too_many_columns", columns: 10_000, limit: 1000 });
  });

  it("refuses column names that add up past the limit, since every sample row repeats them", () => {
    const header = Array.from({ length: 1000 }, (_, i) => `${"€".repeat(250)}${i}`).join(",");
    let error: unknown;
    try {
      layoutOf(`${header}\n1,2\n`);
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).details).toMatchObject({ reason: "header_too_large", limit: LIMITS.maxHeaderChars });
    expect((error as ApiError).details.characters).toBeGreaterThan(250_000);
  });

  it("takes a survey export's long question headers", () => {
    const header = Array.from({ length: 200 }, (_, i) => `Q${i}. ${"How likely are you to recommend our onboarding to a colleague and why? ".repeat(3)}`.slice(0, 170)).join(",");
    expect(layoutOf(`${header}\n1,2\n`).columns).toHaveLength(200);
  });

  it("takes 1,000 columns of realistic names", () => {
    const header = Array.from({ length: 1000 }, (_, i) => `Associated Company Property ${i}`).join(",");
    expect(layoutOf(`${header}\n1,2\n`).columns).toHaveLength(1000);
  });
});

describe("uniqueColumnNames", () => {
  it("trims, fills blanks and numbers duplicates case-insensitively", () => {
    expect(uniqueColumnNames([" Email ", "", "email", "Email (2)", "a\n b"])).toEqual(["Email", "Column 2", "email (2)", "Email (2) (2)", "a b"]);
  });
});
