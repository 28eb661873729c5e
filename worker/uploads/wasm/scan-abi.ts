// What the record scanner (./record-scan.ts, AssemblyScript) and its TypeScript side (../scanner.ts)
// share: plain constants that both compilers accept, so the two sides cannot disagree.

/** The record has a quote. */
export const QUOTED = 1;
/** A `,` byte outside quotes in a record whose delimiter is not `,` (copying it with `,` delimiters would split it). */
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

// The record table the scanner fills: RECORD_SLOTS int32 per record, at these slots.
export const RECORD_SLOTS = 11;
export const SLOT_START = 0;
/** End of the record's bytes, before its line break. */
export const SLOT_END = 1;
/** 0 (end of input), 1 (LF or CR) or 2 (CRLF). */
export const SLOT_BREAK_LENGTH = 2;
export const SLOT_FIELDS = 3;
export const SLOT_FLAGS = 4;
/** Line breaks inside the record's quoted fields. */
export const SLOT_INNER_LINES = 5;
/** Byte ranges of the two watched fields (start, end), -1 when the record has no such field. */
export const SLOT_WATCH = 6;
/** Position of the delimiter after field number `cutAfter`, or -1. */
export const SLOT_CUT = 10;
/** Records one `scan` call writes at most (the table's length). */
export const MAX_RECORDS = 4096;

// Why a `scan` call stopped.
/** Every byte of the block was cut into records. */
export const STOP_END = 0;
/** The table is full: call again from the position after the last record. */
export const STOP_FULL = 1;
/** The block ends inside a record: keep its bytes and scan them in front of the next block. */
export const STOP_INCOMPLETE = 2;
/** A quote opens a field that never closes before the end of the input. */
export const STOP_UNTERMINATED = 3;
