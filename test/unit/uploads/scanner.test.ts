import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { FORMULA_START, HAS_COMMA, INVALID_UTF8, QUOTED, QUOTES_DIFFER, RecordScanner, UnterminatedQuoteError, utf8SequenceLength } from "../../../worker/uploads/scanner";

const bytes = (text: string) => new TextEncoder().encode(text);

function records(input: Uint8Array, delimiter = 44, watch: number[] = []) {
  const scanner = new RecordScanner(delimiter, watch);
  scanner.reset(input, true);
  const out: { text: string; fields: number; flags: number; line: number; watched: string[] }[] = [];
  while (scanner.next()) {
    out.push({
      text: new TextDecoder().decode(input.subarray(scanner.start, scanner.end)),
      fields: scanner.fields,
      flags: scanner.flags,
      line: scanner.recordLine,
      watched: watch.map((_, w) => (scanner.watchStart[w]! < 0 ? "∅" : new TextDecoder().decode(input.subarray(scanner.watchStart[w]!, scanner.watchEnd[w]!)))),
    });
  }
  return out;
}

describe("RecordScanner", () => {
  it("cuts records exactly where parseCsv does, counting fields and lines", () => {
    const text = 'a,"b\r\nc",d\r\n\r\n"x""y",z\rlast,"q"w,e';
    const found = records(bytes(text));
    expect(found.map((r) => r.text)).toEqual(['a,"b\r\nc",d', "", '"x""y",z', 'last,"q"w,e']);
    expect(found.map((r) => r.fields)).toEqual(parseCsv(text).map((row) => row.length));
    expect(found.map((r) => r.line)).toEqual([1, 3, 4, 5]);
  });

  it("flags quotes, commas under another delimiter and formula starts", () => {
    const [plain, quoted, comma, formula, dash] = records(bytes('a;b\na;"b"\na,b;c\n=1;b\nx;-y'), 59);
    expect([plain!.flags, quoted!.flags & QUOTED, comma!.flags & HAS_COMMA, formula!.flags & FORMULA_START, dash!.flags & FORMULA_START]).toEqual([0, QUOTED, HAS_COMMA, FORMULA_START, FORMULA_START]);
  });

  it("tells quoted fields already in normalized form from those that are not", () => {
    const found = records(bytes('"a, b","say ""hi""","x\ny"\n"plain",b\nx"y,z\n"a"b,c\n'));
    expect(found.map((r) => [r.flags & QUOTED, r.flags & QUOTES_DIFFER])).toEqual([
      [QUOTED, 0],
      [QUOTED, QUOTES_DIFFER],
      [QUOTED, QUOTES_DIFFER],
      [QUOTED, QUOTES_DIFFER],
    ]);
  });

  it("marks where cells past the last column begin", () => {
    const scanner = new RecordScanner(44, [], 2);
    scanner.reset(bytes("a,b,,,\na,b\n"), true);
    expect(scanner.next()).toBe(true);
    expect([scanner.fields, scanner.cut]).toEqual([5, 3]);
    expect(scanner.next()).toBe(true);
    expect(scanner.cut).toBe(-1);
  });

  it("reports the byte ranges of watched fields, skipping words of plain text", () => {
    const line = "first name here,second-field-that-is-long,third,fourth";
    const [record] = records(bytes(`${line}\n`), 44, [1, 3]);
    expect(record!.watched).toEqual(["second-field-that-is-long", "fourth"]);
  });

  it("works the same on an unaligned view of the bytes", () => {
    const padded = bytes(`xyzAnn,Acme Corporation International,ann@acme.com\nBob,Beta,bob@beta.com\n`);
    const view = padded.subarray(3);
    expect(view.byteOffset % 4).not.toBe(0);
    expect(records(view, 44, [2]).map((r) => r.watched[0])).toEqual(["ann@acme.com", "bob@beta.com"]);
  });

  it("names the line where an unterminated quote opened", () => {
    const scanner = new RecordScanner(44);
    scanner.reset(bytes('a,b\n1,2\n3,"open\nmore\n'), true);
    expect(scanner.next() && scanner.next()).toBe(true);
    expect(() => scanner.next()).toThrow(UnterminatedQuoteError);
    try {
      scanner.next();
    } catch (error) {
      expect((error as UnterminatedQuoteError).line).toBe(3);
    }
  });

  it("waits for more bytes at a block end inside a record, a quote, a CRLF or a character", () => {
    for (const partial of ["a,b", 'a,"b', "a,b\r", "a,\xe9".replace("\xe9", "\u00e9").slice(0, 3)]) {
      const scanner = new RecordScanner(44);
      scanner.reset(bytes(partial), false);
      expect(scanner.next()).toBe(false);
      expect(scanner.pos).toBe(0);
    }
    const cut = bytes("a,🙂\n").subarray(0, 4);
    const scanner = new RecordScanner(44);
    scanner.reset(cut, false);
    expect(scanner.next()).toBe(false);
  });
});

describe("UTF-8 validation in the scanner", () => {
  it.each([
    ["José Łukasz 李雷 🙂", 0],
    [[0x61, 0xc0, 0x80], INVALID_UTF8],
    [[0x61, 0xed, 0xa0, 0x80], INVALID_UTF8],
    [[0x61, 0xf4, 0x90, 0x80, 0x80], INVALID_UTF8],
    [[0x5a, 0x6f, 0xeb, 0x2c, 0x41], INVALID_UTF8],
    [[0x61, 0xe2, 0x82], INVALID_UTF8],
  ] as [string | number[], number][])("%s", (input, expected) => {
    const data = typeof input === "string" ? bytes(input) : new Uint8Array(input);
    const [record] = records(data);
    expect(record!.flags & INVALID_UTF8).toBe(expected);
  });

  it("measures sequences", () => {
    expect(utf8SequenceLength(bytes("é"), 0, 2)).toBe(2);
    expect(utf8SequenceLength(bytes("李"), 0, 3)).toBe(3);
    expect(utf8SequenceLength(bytes("🙂"), 0, 4)).toBe(4);
    expect(utf8SequenceLength(bytes("🙂"), 0, 2)).toBe(0);
    expect(utf8SequenceLength(new Uint8Array([0x80]), 0, 1)).toBe(-1);
  });
});
