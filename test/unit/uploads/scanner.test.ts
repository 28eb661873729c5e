import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { FORMULA_START, HAS_COMMA, INVALID_UTF8, QUOTED, QUOTES_DIFFER, RecordScanner, UnterminatedQuoteError } from "../../../worker/uploads/scanner";
import { MAX_RECORDS } from "../../../worker/uploads/wasm/scan-abi";

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

  it("checks bytes inside quoted fields too", () => {
    // Windows-1252 "Société" inside quotes: the whole file must then be read as Windows-1252.
    const data = new Uint8Array([...bytes('a,"Soci'), 0xe9, ...bytes('t",b\n')]);
    const [record] = records(data);
    expect(record!.flags & INVALID_UTF8).toBe(INVALID_UTF8);
    expect(records(bytes('a,"Société ""Générale""",b\n'))[0]!.flags & INVALID_UTF8).toBe(0);
  });
});

/** Scans `input` cut into blocks at `cuts`, carrying each unfinished record into the next block. */
function recordsInBlocks(input: Uint8Array, cuts: number[], delimiter = 44, watch: number[] = [], cutAfter = 0) {
  const scanner = new RecordScanner(delimiter, watch, cutAfter);
  const out: number[][] = [];
  let offset = 0;
  let tail = new Uint8Array(0);
  for (const [index, cutAt] of [...cuts, input.length].entries()) {
    const block = new Uint8Array([...tail, ...input.subarray(offset, cutAt)]);
    const base = offset - tail.length;
    scanner.reset(block, index === cuts.length);
    while (scanner.next()) {
      const at = (position: number) => (position < 0 ? -1 : base + position);
      out.push([at(scanner.start), at(scanner.end), scanner.breakLength, scanner.fields, scanner.flags, scanner.recordLine, at(scanner.watchStart[0]!), at(scanner.watchEnd[0]!), at(scanner.watchStart[1]!), at(scanner.watchEnd[1]!), at(scanner.cut)]);
    }
    tail = block.slice(scanner.pos);
    offset = cutAt;
  }
  expect(tail.length).toBe(0);
  return out;
}

/** A deterministic pseudo-random CSV with every kind of byte the scanner treats specially, some of them not UTF-8. */
function awkwardCsv(seed: number, records: number, delimiter: string): Uint8Array {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const pieces = ["plain", "José", "李雷", "🙂", "Zoë Łukasz", "x".repeat(17), "=SUM(A1)", "-5", "@who", "a,b", "", "\xe9", "\xc3"];
  const quotedPieces = ['say ""hi""', '""""', "two\nlines", "crlf\r\ninside", "comma, here", "needless", '""', "李,雷", "Soci\xe9t\xe9"];
  const breaks = ["\n", "\r\n", "\r"];
  const out: number[] = [];
  // "\xe9" and "\xc3" stand for those single bytes (Windows-1252 é, a cut-short UTF-8 lead).
  const push = (text: string) => {
    for (const part of text.split(/(\xe9|\xc3)/)) {
      if (part === "\xe9" || part === "\xc3") out.push(part.charCodeAt(0));
      else out.push(...bytes(part));
    }
  };
  for (let r = 0; r < records; r++) {
    const fields: string[] = [];
    for (let f = 0, count = 1 + random(6); f < count; f++) {
      const roll = random(10);
      // Filler of any length inside the quotes moves what follows across the scanner's 16-byte windows.
      if (roll < 3) fields.push(`"${"q".repeat(random(20))}${quotedPieces[random(quotedPieces.length)]}"`);
      else if (roll === 3) fields.push(`in"side`);
      else fields.push(pieces[random(pieces.length)]!.repeat(1 + random(3)));
    }
    push(fields.join(delimiter) + breaks[random(breaks.length)]);
  }
  return new Uint8Array(out);
}

/**
 * The record rules written the plain way, one byte at a time, as the reference for the scanner's
 * 16-bytes-at-a-time work: same entries as `recordsInBlocks` for a whole input.
 */
function referenceRecords(input: Uint8Array, delimiter: number, watch: number[], cutAfter: number): number[][] {
  const isFormulaStart = (byte: number | undefined) => byte === 61 || byte === 43 || byte === 45 || byte === 64;
  const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const out: number[][] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = i;
    let fields = 1;
    let flags = isFormulaStart(input[i]) ? FORMULA_START : 0;
    let innerLines = 0;
    let fieldStart = i;
    let cut = -1;
    const watched = [-1, -1, -1, -1];
    const endField = (end: number) => {
      const slot = watch.indexOf(fields - 1);
      if (slot >= 0) [watched[2 * slot], watched[2 * slot + 1]] = [fieldStart, end];
    };
    let breakLength = 0;
    while (i < input.length) {
      const byte = input[i]!;
      if (byte === delimiter) {
        endField(i);
        if (fields === cutAfter) cut = i;
        fields++;
        fieldStart = ++i;
        if (isFormulaStart(input[i])) flags |= FORMULA_START;
      } else if (byte === 10 || byte === 13) {
        breakLength = byte === 13 && input[i + 1] === 10 ? 2 : 1;
        break;
      } else if (byte === 34 && i === fieldStart) {
        flags |= QUOTED;
        let close = i + 1;
        let escaped = false;
        let comma = false;
        let breaks = 0;
        for (;;) {
          if (close >= input.length) throw new UnterminatedQuoteError(line + innerLines);
          const inner = input[close]!;
          if (inner === 34 && input[close + 1] === 34) {
            escaped = true;
            close += 2;
            continue;
          }
          if (inner === 34) break;
          if (inner === 10 || (inner === 13 && input[close + 1] !== 10)) breaks++;
          if (inner === 44) comma = true;
          close++;
        }
        if (isFormulaStart(input[i + 1])) flags |= FORMULA_START;
        if (!escaped && breaks === 0 && !comma) flags |= QUOTES_DIFFER;
        const after = input[close + 1];
        if (after !== undefined && after !== delimiter && after !== 10 && after !== 13) flags |= QUOTES_DIFFER;
        innerLines += breaks;
        i = close + 1;
      } else {
        if (byte === 34) flags |= QUOTED | QUOTES_DIFFER;
        if (byte === 44) flags |= HAS_COMMA;
        i++;
      }
    }
    endField(i);
    try {
      strictUtf8.decode(input.subarray(start, i));
    } catch {
      flags |= INVALID_UTF8;
    }
    out.push([start, i, breakLength, fields, flags, line, ...watched, cut]);
    line += innerLines + (breakLength > 0 ? 1 : 0);
    i += breakLength;
  }
  return out;
}

describe("RecordScanner across blocks", () => {
  it("finds what the byte-at-a-time rules find, however the bytes are cut into blocks", () => {
    for (const [seed, delimiter] of [[1, ","], [2, ";"], [3, "\t"], [4, "|"]] as const) {
      const input = awkwardCsv(seed, 40, delimiter);
      const delimiterByte = delimiter.charCodeAt(0);
      const whole = recordsInBlocks(input, [], delimiterByte, [1, 3], 2);
      expect(whole).toEqual(referenceRecords(input, delimiterByte, [1, 3], 2));
      expect(whole.map((record) => record[3])).toEqual(parseCsv(new TextDecoder().decode(input), delimiter).map((row) => row.length));
      // Every cut point: inside quotes, between CR and LF, inside multi-byte characters.
      for (let cut = 1; cut < input.length; cut++) {
        expect(recordsInBlocks(input, [cut], delimiterByte, [1, 3], 2)).toEqual(whole);
      }
    }
  });

  it("agrees with the byte-at-a-time rules on a larger random file, in 4 KiB blocks", () => {
    for (const [seed, delimiter] of [[11, ","], [12, ";"]] as const) {
      const input = awkwardCsv(seed, 3000, delimiter);
      const delimiterByte = delimiter.charCodeAt(0);
      const cuts = Array.from({ length: Math.floor(input.length / 4096) }, (_, k) => (k + 1) * 4096);
      expect(recordsInBlocks(input, cuts, delimiterByte, [0, 2], 4)).toEqual(referenceRecords(input, delimiterByte, [0, 2], 4));
    }
  });

  it("hands out more records than one scan's table holds", () => {
    const count = MAX_RECORDS * 2 + 123;
    const text = Array.from({ length: count }, (_, k) => `row ${k},"q${k}"\n`).join("");
    const found = records(bytes(text));
    expect(found).toHaveLength(count);
    expect(found.at(-1)!.text).toBe(`row ${count - 1},"q${count - 1}"`);
    expect(found.at(-1)!.line).toBe(count);
  });

  it("takes a block larger than its memory so far", () => {
    const big = bytes(`${"a".repeat(3 * 1024 * 1024)},b\nlast,row\n`);
    const found = records(big);
    expect(found.map((record) => [record.text.length, record.fields])).toEqual([
      [3 * 1024 * 1024 + 2, 2],
      [8, 2],
    ]);
  });
});
