/**
 * Quote-aware byte scanner over UTF-8 CSV: finds where each record ends, how many fields it has and
 * whether its bytes are already in normalized form, without building any string. It counts and cuts
 * every upload; the field parser (worker/csv/parse.ts) only sees the few records the scanner flags.
 *
 * Record rules match `parseCsv` exactly (records end at LF, CRLF or a lone CR outside quotes; a quote
 * opens a quoted field only at the start of a field), so a record the scanner cuts is one parsed row.
 *
 * Speed: most bytes of a prospect list are letters and digits. They are skipped four at a time (one
 * 32-bit test per word when the block is aligned), else one comparison per byte; quoted fields are
 * crossed with `indexOf` from quote to quote. UTF-8 is validated only where a byte ≥ 0x80 appears.
 *
 * Use: `reset(block, final)`, then `while (scanner.next())` read the public fields of the record.
 * When `next()` returns false before the block's end, the bytes from `pos` on are an unfinished record:
 * keep them and scan them again in front of the next block.
 */

/** Flags of a record. */
export const QUOTED = 1;
/** A `,` byte in a record whose delimiter is not `,` (copying it with `,` delimiters would split it). */
export const HAS_COMMA = 2;
/** A field starts with `=`, `+`, `-` or `@` (inside its quotes, for a quoted one). */
export const FORMULA_START = 4;
/** Bytes that are not valid UTF-8 (the file is then read again as Windows-1252). */
export const INVALID_UTF8 = 8;
/**
 * Quotes used differently from the normalized form: a quote inside an unquoted field, text after a
 * closing quote, or a quoted field that needs no quotes (no `,`, `"`, CR or LF inside).
 */
export const QUOTES_DIFFER = 16;

const ALL_HIGH_BITS = 0x80808080 | 0;

export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`Unterminated quote starting on line ${line}`);
  }
}

export class RecordScanner {
  private buf: Uint8Array = new Uint8Array(0);
  /** The block as 32-bit words (when it is 4-byte aligned), to skip four ordinary bytes per test. */
  private words: Int32Array | null = null;
  private final = false;
  /**
   * Bytes above this (and below 0x80) are ordinary text: every byte the scanner cares about (LF, CR,
   * `"`, `,` and the delimiter) is at or below it, except a `|` delimiter.
   */
  private readonly skipAbove: number;
  /** Added to each byte (high bit masked off) so that it carries into bit 7 exactly when it is above `skipAbove`. */
  private readonly skipAdd: number;
  private readonly watch0: number;
  private readonly watch1: number;
  /** Delimiters up to this field index may end a watched field. */
  private readonly lastWatched: number;

  /** Where the next record starts in the block. */
  pos = 0;
  /** 1-based line on which the next record starts (LF, CRLF and lone CR each end a line). */
  line = 1;

  // The record `next()` found:
  start = 0;
  /** End of the record's bytes, before its line break. */
  end = 0;
  /** Line break length: 0 (end of input), 1 (LF or CR) or 2 (CRLF). */
  breakLength = 0;
  fields = 0;
  flags = 0;
  /** Line on which the record starts. */
  recordLine = 1;
  /** Byte ranges of the two watched fields, -1 when the record has no such field. */
  readonly watchStart = new Int32Array(2);
  readonly watchEnd = new Int32Array(2);
  /** Position of the delimiter after field number `cutAfter` (where cells past the last column begin), or -1. */
  cut = -1;

  constructor(
    readonly delimiter: number,
    /** Up to 2 field indexes (0-based) whose byte ranges are reported, e.g. the email and company columns. */
    watch: number[] = [],
    /** Report in `cut` where field number `cutAfter` ends when the record has more fields (0: never). */
    private readonly cutAfter = 0,
  ) {
    if (watch.length > 2) throw new Error("RecordScanner watches at most 2 fields");
    if (delimiter === 34 || delimiter === 10 || delimiter === 13 || delimiter >= 0x80) throw new Error("Unsupported delimiter");
    this.skipAbove = Math.max(44, delimiter);
    this.skipAdd = (0x7f - this.skipAbove) * 0x01010101;
    [this.watch0, this.watch1] = [watch[0] ?? -1, watch[1] ?? -1];
    this.lastWatched = Math.max(this.watch0, this.watch1);
  }

  reset(block: Uint8Array, final: boolean): void {
    this.buf = block;
    this.words = block.byteOffset % 4 === 0 ? new Int32Array(block.buffer, block.byteOffset, block.length >> 2) : null;
    this.final = final;
    this.pos = 0;
  }

  next(): boolean {
    const buf = this.buf;
    const len = buf.length;
    const start = this.pos;
    if (start >= len) return false;
    const delimiter = this.delimiter;
    const skipAbove = this.skipAbove;
    const words = this.words;
    const skipAdd = this.skipAdd;
    const wordEnd = len & ~3;
    const lastWatched = this.lastWatched;
    const cutAfter = this.cutAfter;
    if (lastWatched >= 0) {
      this.watchStart[0] = this.watchStart[1] = this.watchEnd[0] = this.watchEnd[1] = -1;
    }
    this.cut = -1;

    let i = start;
    let fields = 1;
    let flags = 0;
    let lines = 0;
    let fieldStart = start;
    let byte = buf[i]!;
    if (byte === 61 || byte === 43 || byte === 45 || byte === 64) flags |= FORMULA_START;

    for (;;) {
      // Skip ordinary bytes: one at a time up to a word boundary, then four at a time.
      while (i < len) {
        if ((i & 3) === 0 && words !== null) {
          while (i < wordEnd) {
            const word = words[i >> 2]!;
            // Bit 7 of each byte ends up set when (byte & 0x7f) > skipAbove and the byte is below 0x80.
            if ((((word & 0x7f7f7f7f) + skipAdd) & ~word & 0x80808080) !== ALL_HIGH_BITS) break;
            i += 4;
          }
          if (i >= len) break;
        }
        byte = buf[i]!;
        if (byte <= skipAbove || byte >= 0x80) break;
        i++;
      }
      if (i >= len) {
        if (!this.final) return false;
        return this.found(start, len, len, 0, fields, flags, lines, fieldStart);
      }
      if (byte === delimiter) {
        if (fields <= lastWatched + 1) this.watchField(fields - 1, fieldStart, i);
        if (fields === cutAfter) this.cut = i;
        fields++;
        i++;
        fieldStart = i;
        if (i < len) {
          byte = buf[i]!;
          if (byte === 61 || byte === 43 || byte === 45 || byte === 64) flags |= FORMULA_START;
        }
        continue;
      }
      if (byte === 10) return this.found(start, i, i + 1, 1, fields, flags, lines, fieldStart);
      if (byte === 13) {
        if (i + 1 < len) {
          return buf[i + 1] === 10
            ? this.found(start, i, i + 2, 2, fields, flags, lines, fieldStart)
            : this.found(start, i, i + 1, 1, fields, flags, lines, fieldStart);
        }
        // A CR at the block's end may be the first half of a CRLF.
        if (!this.final) return false;
        return this.found(start, i, i + 1, 1, fields, flags, lines, fieldStart);
      }
      if (byte === 34) {
        flags |= QUOTED;
        if (i !== fieldStart) {
          flags |= QUOTES_DIFFER;
          i++;
          continue;
        }
        // A quoted field: jump from quote to quote; a doubled quote is an escaped one.
        const open = i;
        let close = i + 1;
        let escaped = false;
        let breaks = 0;
        for (;;) {
          const quote = buf.indexOf(34, close);
          if (quote === -1 || (quote + 1 === len && !this.final)) {
            if (!this.final) return false;
            throw new UnterminatedQuoteError(this.line + lines);
          }
          breaks += countLineBreaks(buf, close, quote);
          if (buf[quote + 1] === 34) {
            escaped = true;
            close = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        lines += breaks;
        const first = buf[open + 1];
        if (first === 61 || first === 43 || first === 45 || first === 64) flags |= FORMULA_START;
        if (!escaped && breaks === 0 && !hasByte(buf, 44, open + 1, i - 1)) flags |= QUOTES_DIFFER;
        if (i < len) {
          const after = buf[i];
          if (after !== delimiter && after !== 10 && after !== 13) flags |= QUOTES_DIFFER;
        }
        continue;
      }
      if (byte < 0x80) {
        if (byte === 44) flags |= HAS_COMMA;
        i++;
        continue;
      }
      // A byte ≥ 0x80 starts a UTF-8 sequence: check it here, so valid text needs no decoding pass.
      const length = utf8SequenceLength(buf, i, len);
      if (length === 0 && !this.final) return false;
      if (length <= 0) {
        flags |= INVALID_UTF8;
        i++;
      } else {
        i += length;
      }
    }
  }

  private watchField(field: number, from: number, to: number): void {
    if (field === this.watch0) {
      this.watchStart[0] = from;
      this.watchEnd[0] = to;
    } else if (field === this.watch1) {
      this.watchStart[1] = from;
      this.watchEnd[1] = to;
    }
  }

  private found(start: number, end: number, next: number, breakLength: number, fields: number, flags: number, lines: number, fieldStart: number): true {
    if (fields <= this.lastWatched + 1) this.watchField(fields - 1, fieldStart, end);
    this.start = start;
    this.end = end;
    this.breakLength = breakLength;
    this.fields = fields;
    this.flags = flags;
    this.recordLine = this.line;
    this.line += lines + (breakLength > 0 ? 1 : 0);
    this.pos = next;
    return true;
  }
}

function hasByte(buf: Uint8Array, byte: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] === byte) return true;
  return false;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `buf[i]` (a byte ≥ 0x80): 2–4, -1 when it is
 * malformed (overlong, surrogate, past U+10FFFF, bad continuation), 0 when the block ends inside it.
 */
export function utf8SequenceLength(buf: Uint8Array, i: number, len: number): number {
  const lead = buf[i]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < length; k++) {
    if (i + k >= len) return 0;
    const next = buf[i + k]!;
    if (k === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return -1;
  }
  return length;
}

/** Line breaks in `buf[from, to)`: LF, CRLF (once) and lone CR. */
function countLineBreaks(buf: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const byte = buf[i];
    if (byte === 10 || (byte === 13 && buf[i + 1] !== 10)) count++;
  }
  return count;
}

/** True when the bytes hold only delimiters, spaces and tabs (a blank line, or Excel's `,,,,`). */
export function isBlankRecord(buf: Uint8Array, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    if (byte !== delimiter && byte !== 32 && byte !== 9) return false;
  }
  return true;
}
