// AssemblyScript, compiled to record-scan.wasm by `npm run build:wasm` (scripts/build-wasm.mjs).
//
// The quote-aware record scanner of every CSV upload (ADR 046): finds where each record ends, how many
// fields it has, where two watched fields lie and what the normalizer must know about its bytes (flags
// in ./scan-abi.ts), and checks that the bytes are UTF-8. ../scanner.ts is its TypeScript side and
// documents the record rules; this file only does the byte work, 16 bytes at a time with WebAssembly
// SIMD: one vector compare per 16 bytes finds the next byte that matters (line break, quote,
// delimiter, comma, byte >= 0x80), the rest of a prospect list's bytes are never looked at one by one.
//
// Memory: [tablePointer, +MAX_RECORDS records) the record table, [blockPointer, +block + 16) the block
// (16 spare bytes because a vector load may read past its end; those lanes are masked off).

import {
  FORMULA_START,
  HAS_COMMA,
  INVALID_UTF8,
  MAX_RECORDS,
  QUOTED,
  QUOTES_DIFFER,
  RECORD_SLOTS,
  SLOT_BREAK_LENGTH,
  SLOT_CUT,
  SLOT_END,
  SLOT_FIELDS,
  SLOT_FLAGS,
  SLOT_INNER_LINES,
  SLOT_START,
  SLOT_WATCH,
  STOP_END,
  STOP_FULL,
  STOP_INCOMPLETE,
  STOP_UNTERMINATED,
} from "./scan-abi";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const RECORD_BYTES: usize = <usize>RECORD_SLOTS * 4;

const tableAt: usize = (__heap_base + 15) & ~15;
const blockAt: usize = (tableAt + <usize>MAX_RECORDS * RECORD_BYTES + 15) & ~15;

let delimiter: i32 = COMMA;
let watch0: i32 = -1;
let watch1: i32 = -1;
let lastWatched: i32 = -1;
let cutAfter: i32 = 0;
let stop: i32 = STOP_END;
let unterminatedLines: i32 = 0;

export function tablePointer(): usize {
  return tableAt;
}

export function blockPointer(): usize {
  return blockAt;
}

/** Why the last `scan` stopped (STOP_*). */
export function stopReason(): i32 {
  return stop;
}

/** For STOP_UNTERMINATED: line breaks inside earlier quoted fields of the record with the open quote. */
export function unterminatedLineOffset(): i32 {
  return unterminatedLines;
}

/** Sets the delimiter, the two watched field indexes (-1: none) and the field after which `cut` is reported (0: never). */
export function configure(delimiterByte: i32, watchFirst: i32, watchSecond: i32, cutAfterField: i32): void {
  delimiter = delimiterByte;
  watch0 = watchFirst;
  watch1 = watchSecond;
  lastWatched = max(watchFirst, watchSecond);
  cutAfter = cutAfterField;
}

/**
 * Makes room for a block of `length` bytes (the caller then copies it to `blockPointer()`). Blocks are
 * ~1 MiB plus an unfinished record (the row limit caps it); memory is kept for the next block.
 */
export function reserve(length: i32): void {
  const needed = blockAt + <usize>length + 16;
  const have = (<usize>memory.size()) << 16;
  if (needed > have && memory.grow(<i32>((needed - have + 0xffff) >>> 16)) < 0) unreachable();
}

/**
 * Scans records from `pos` on, writing one table entry each, until the block's end, a record the block
 * cuts short, an unterminated quote or a full table (`stopReason`). Returns how many records it wrote.
 */
export function scan(pos: i32, length: i32, final: bool): i32 {
  const delimiters = i8x16.splat(<i8>delimiter);
  let count = 0;
  stop = STOP_END;
  while (pos < length) {
    if (count == MAX_RECORDS) {
      stop = STOP_FULL;
      break;
    }
    const next = scanRecord(pos, length, final, tableAt + <usize>count * RECORD_BYTES, delimiters);
    if (next < 0) {
      stop = -next;
      break;
    }
    count++;
    pos = next;
  }
  return count;
}

/**
 * Bit k set when byte `at + k` is a line break, quote, comma, the delimiter or >= 0x80 (bytes past
 * `remaining` are 0). Callers never pass a window beyond the block's end: `remaining` is >= 0.
 */
// @ts-ignore: decorator
@inline function structuralMask(at: usize, remaining: i32, delimiters: v128): i32 {
  const bytes = v128.load(at);
  const hits = v128.or(
    v128.or(i8x16.eq(bytes, i8x16.splat(<i8>LF)), i8x16.eq(bytes, i8x16.splat(<i8>CR))),
    v128.or(v128.or(i8x16.eq(bytes, i8x16.splat(<i8>QUOTE)), i8x16.eq(bytes, i8x16.splat(<i8>COMMA))), i8x16.eq(bytes, delimiters)),
  );
  // The sign bit of a byte >= 0x80 is set: OR-ing the bytes themselves marks them.
  const mask = i8x16.bitmask(v128.or(hits, bytes));
  return remaining < 16 ? mask & ((1 << remaining) - 1) : mask;
}

/** The same inside quotes, where only quotes, line breaks, commas and bytes >= 0x80 matter. */
// @ts-ignore: decorator
@inline function quotedMask(at: usize, remaining: i32): i32 {
  const bytes = v128.load(at);
  const hits = v128.or(
    v128.or(i8x16.eq(bytes, i8x16.splat(<i8>LF)), i8x16.eq(bytes, i8x16.splat(<i8>CR))),
    v128.or(i8x16.eq(bytes, i8x16.splat(<i8>QUOTE)), i8x16.eq(bytes, i8x16.splat(<i8>COMMA))),
  );
  const mask = i8x16.bitmask(v128.or(hits, bytes));
  return remaining < 16 ? mask & ((1 << remaining) - 1) : mask;
}

// @ts-ignore: decorator
@inline function byteAt(i: i32): i32 {
  return <i32>load<u8>(blockAt + <usize>i);
}

// @ts-ignore: decorator
@inline function isFormulaStart(byte: i32): bool {
  return byte == 61 || byte == 43 || byte == 45 || byte == 64; // = + - @
}

/**
 * One record from `start`: writes its entry at `entry` and returns where the next record starts, or
 * -STOP_INCOMPLETE / -STOP_UNTERMINATED.
 */
function scanRecord(start: i32, length: i32, final: bool, entry: usize, delimiters: v128): i32 {
  let fields = 1;
  let flags = 0;
  let innerLines = 0;
  let fieldStart = start;
  store<i32>(entry, -1, SLOT_CUT * 4);
  store<i32>(entry, -1, SLOT_WATCH * 4);
  store<i32>(entry, -1, SLOT_WATCH * 4 + 4);
  store<i32>(entry, -1, SLOT_WATCH * 4 + 8);
  store<i32>(entry, -1, SLOT_WATCH * 4 + 12);
  if (isFormulaStart(byteAt(start))) flags |= FORMULA_START;

  // `mask` holds the bytes that matter among the 16 from `window`, lowest first.
  let window = start;
  let mask = structuralMask(blockAt + <usize>window, length - window, delimiters);
  while (true) {
    while (mask == 0) {
      window += 16;
      if (window >= length) {
        if (!final) return -STOP_INCOMPLETE;
        return found(entry, start, length, 0, fields, flags, innerLines, fieldStart);
      }
      mask = structuralMask(blockAt + <usize>window, length - window, delimiters);
    }
    const i = window + ctz(mask);
    mask &= mask - 1;
    const byte = byteAt(i);

    if (byte == delimiter) {
      if (fields <= lastWatched + 1) watchField(entry, fields - 1, fieldStart, i);
      if (fields == cutAfter) store<i32>(entry, i, SLOT_CUT * 4);
      fields++;
      fieldStart = i + 1;
      if (fieldStart < length && isFormulaStart(byteAt(fieldStart))) flags |= FORMULA_START;
      continue;
    }
    if (byte == LF) return found(entry, start, i, 1, fields, flags, innerLines, fieldStart);
    if (byte == CR) {
      if (i + 1 < length) return found(entry, start, i, byteAt(i + 1) == LF ? 2 : 1, fields, flags, innerLines, fieldStart);
      // A CR at the block's end may be the first half of a CRLF.
      if (!final) return -STOP_INCOMPLETE;
      return found(entry, start, i, 1, fields, flags, innerLines, fieldStart);
    }
    if (byte == QUOTE) {
      flags |= QUOTED;
      if (i != fieldStart) {
        flags |= QUOTES_DIFFER;
        continue;
      }
      // A quoted field: to its closing quote (a doubled quote is an escaped one), counting line breaks.
      let escaped = false;
      let comma = false;
      let breaks = 0;
      let close = -1;
      let inner = i + 1;
      let innerMask = quotedMask(blockAt + <usize>inner, length - inner);
      while (close < 0) {
        while (innerMask == 0) {
          inner += 16;
          if (inner >= length) {
            if (!final) return -STOP_INCOMPLETE;
            unterminatedLines = innerLines;
            return -STOP_UNTERMINATED;
          }
          innerMask = quotedMask(blockAt + <usize>inner, length - inner);
        }
        const at = inner + ctz(innerMask);
        innerMask &= innerMask - 1;
        const quoted = byteAt(at);
        if (quoted == QUOTE) {
          if (at + 1 == length) {
            // Maybe the first of a doubled quote whose second is in the next block.
            if (!final) return -STOP_INCOMPLETE;
            close = at;
          } else if (byteAt(at + 1) == QUOTE) {
            escaped = true;
            // Skip the second quote: the lowest bit left, unless it lies in the next 16 bytes.
            if (at + 1 - inner < 16) {
              innerMask &= innerMask - 1;
            } else {
              inner = at + 2;
              innerMask = quotedMask(blockAt + <usize>inner, length - inner);
            }
          } else {
            close = at;
          }
        } else if (quoted == LF) {
          breaks++;
        } else if (quoted == CR) {
          if (at + 1 >= length || byteAt(at + 1) != LF) breaks++;
        } else if (quoted == COMMA) {
          comma = true;
        } else {
          const sequence = utf8SequenceLength(at, length);
          if (sequence == 0 && !final) return -STOP_INCOMPLETE;
          if (sequence <= 0) {
            flags |= INVALID_UTF8;
          } else if (at + sequence - inner < 16) {
            innerMask &= -(1 << (at + sequence - inner));
          } else {
            inner = at + sequence;
            innerMask = quotedMask(blockAt + <usize>inner, length - inner);
          }
        }
      }
      innerLines += breaks;
      if (isFormulaStart(byteAt(i + 1))) flags |= FORMULA_START;
      if (!escaped && breaks == 0 && !comma) flags |= QUOTES_DIFFER;
      const after = close + 1;
      if (after < length) {
        const next = byteAt(after);
        if (next != delimiter && next != LF && next != CR) flags |= QUOTES_DIFFER;
      }
      window = after;
      mask = structuralMask(blockAt + <usize>window, length - window, delimiters);
      continue;
    }
    if (byte == COMMA) {
      // Only reached when the delimiter is not a comma.
      flags |= HAS_COMMA;
      continue;
    }
    // A byte >= 0x80 starts a UTF-8 sequence: its continuation bytes are skipped once it is valid.
    const sequence = utf8SequenceLength(i, length);
    if (sequence == 0 && !final) return -STOP_INCOMPLETE;
    if (sequence <= 0) {
      flags |= INVALID_UTF8;
    } else if (i + sequence - window < 16) {
      mask &= -(1 << (i + sequence - window));
    } else {
      window = i + sequence;
      mask = structuralMask(blockAt + <usize>window, length - window, delimiters);
    }
  }
}

function watchField(entry: usize, field: i32, from: i32, to: i32): void {
  if (field == watch0) {
    store<i32>(entry, from, SLOT_WATCH * 4);
    store<i32>(entry, to, SLOT_WATCH * 4 + 4);
  } else if (field == watch1) {
    store<i32>(entry, from, SLOT_WATCH * 4 + 8);
    store<i32>(entry, to, SLOT_WATCH * 4 + 12);
  }
}

function found(entry: usize, start: i32, end: i32, breakLength: i32, fields: i32, flags: i32, innerLines: i32, fieldStart: i32): i32 {
  if (fields <= lastWatched + 1) watchField(entry, fields - 1, fieldStart, end);
  store<i32>(entry, start, SLOT_START * 4);
  store<i32>(entry, end, SLOT_END * 4);
  store<i32>(entry, breakLength, SLOT_BREAK_LENGTH * 4);
  store<i32>(entry, fields, SLOT_FIELDS * 4);
  store<i32>(entry, flags, SLOT_FLAGS * 4);
  store<i32>(entry, innerLines, SLOT_INNER_LINES * 4);
  return end + breakLength;
}

/**
 * Length of the well-formed UTF-8 sequence starting at byte `i` (>= 0x80): 2–4, -1 when it is malformed
 * (overlong, surrogate, past U+10FFFF, bad continuation), 0 when the block ends inside it.
 */
function utf8SequenceLength(i: i32, length: i32): i32 {
  const lead = byteAt(i);
  let size: i32;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) size = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    size = 3;
    if (lead == 0xe0) low = 0xa0;
    else if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    size = 4;
    if (lead == 0xf0) low = 0x90;
    else if (lead == 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < size; k++) {
    if (i + k >= length) return 0;
    const next = byteAt(i + k);
    if (k == 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return -1;
  }
  return size;
}
