/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { CsvParseError, parseCsv } from "../../../worker/csv/parse";
import { csvField, csvLine } from "../../../worker/csv/write";

// csv-spectrum's cases: each CSV beside the JSON of the rows it must give (header → object keys).
const csvs = import.meta.glob("/node_modules/csv-spectrum/csvs/*.csv", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const jsons = import.meta.glob("/node_modules/csv-spectrum/json/*.json", { import: "default", eager: true }) as Record<string, Record<string, string>[]>;

function rowsAsObjects(rows: string[][]): Record<string, string>[] {
  const [header, ...data] = rows;
  return data.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
}

describe("parseCsv on csv-spectrum", () => {
  const names = Object.keys(csvs).map((path) => path.split("/").pop()!.replace(/\.csv$/, ""));
  it("finds the cases", () => expect(names.length).toBeGreaterThanOrEqual(12));
  for (const name of names) {
    it(name, () => {
      const text = csvs[`/node_modules/csv-spectrum/csvs/${name}.csv`]!;
      let expected = jsons[`/node_modules/csv-spectrum/json/${name}.json`]!;
      // Upstream data error in csv-spectrum 2.0.0: this JSON is a bare object and its phone number is not
      // the one in the CSV (2095257564). Every other field is compared as published.
      if (name === "location_coordinates") expected = [{ ...(expected as unknown as Record<string, string>), "Contact Phone Number": "2095257564" }];
      expect(rowsAsObjects(parseCsv(text))).toEqual(expected);
    });
  }
});

describe("parseCsv", () => {
  it("handles LF, CRLF and lone CR record ends without an extra trailing row", () => {
    expect(parseCsv("a,b\nc,d\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsv("a,b\rc,d")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps empty fields, blank lines and trailing delimiters", () => {
    expect(parseCsv("a,,\n\n,b")).toEqual([["a", "", ""], [""], ["", "b"]]);
    expect(parseCsv('""')).toEqual([[""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads quotes, doubled quotes, delimiters and newlines inside quotes", () => {
    expect(parseCsv('"a ""b"", c","x\r\ny"\n"""",z')).toEqual([['a "b", c', "x\r\ny"], ['"', "z"]]);
  });

  it("uses another delimiter", () => {
    expect(parseCsv('a;"b;c"\t;d\n1;2;3', ";")).toEqual([["a", "b;c\t", "d"], ["1", "2", "3"]]);
    expect(parseCsv("a\tb,c\n", "\t")).toEqual([["a", "b,c"]]);
  });

  it("is lenient with stray quotes and keeps every character", () => {
    expect(parseCsv('a"b,"c"d,e')).toEqual([['a"b', "cd", "e"]]);
  });

  it("names the line where an unterminated quote starts", () => {
    const text = 'a,b\n1,2\r\n3,"open\nstill open\n';
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvParseError);
    expect((error as CsvParseError).line).toBe(3);
    expect((error as CsvParseError).message).toContain("line 3");
  });
});

describe("csvField / csvLine", () => {
  it("quotes only what needs quoting and round-trips through parseCsv", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField("=SUM(A1)")).toBe("=SUM(A1)");
    const values = ["José", 'Zoë "Z"', "Łukasz,\r\nx", "李雷", ""];
    expect(csvLine(values).endsWith("\n")).toBe(true);
    expect(parseCsv(csvLine(values) + csvLine(["a"]))).toEqual([values, ["a"]]);
  });
});
