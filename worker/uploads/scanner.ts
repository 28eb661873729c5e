/**
 * Quote-aware byte scanner over UTF-8 CSV: finds where each record ends, how many fields it has and
 * whether its bytes are already in normalized form, without building any string. It counts and cuts
 * every upload; the field parser (worker/csv/parse.ts) only sees the few records the scanner flags.
 *
 * Record rules match `parseCsv` exactly (records end at LF, CRLF or a lone CR outside quotes; a quote
 * opens a quoted field only at the start of a field), so a record the scanner cuts is one parsed row.
 * Every byte is checked to be UTF-8, inside quotes too.
 *
 * The byte work runs in WebAssembly (./wasm/record-scan.ts, AssemblyScript with SIMD; ADR 046): it
 * looks at 16 bytes per vector compare, where JavaScript manages four at best. `reset` copies the
 * block into the module's memory; each `scan` call there fills a table of up to MAX_RECORDS records,
 * which `next()` hands out one at a time.
 *
 * Use: `reset(block, final)`, then `while (scanner.next())` read the public fields of the record.
 * When `next()` returns false before the block's end, the bytes from `pos` on are an unfinished record:
 * keep them and scan them again in front of the next block.
 */
import recordScanModule from "./wasm/record-scan.wasm";
import * as abi from "./wasm/scan-abi";

// Copied into module constants once: `next()` reads them for every record, and under vitest's module
// runner (tests, benchmarks) each read of an imported binding calls a getter on the module's exports,
// which was half the scan's time in the upload benchmark. The deployed bundle has no such cost.
const {
  MAX_RECORDS,
  RECORD_SLOTS,
  SLOT_BREAK_LENGTH,
  SLOT_CUT,
  SLOT_END,
  SLOT_FIELDS,
  SLOT_FLAGS,
  SLOT_INNER_LINES,
  SLOT_START,
  SLOT_WATCH,
  STOP_FULL,
  STOP_UNTERMINATED,
} = abi;

export { FORMULA_START, HAS_COMMA, INVALID_UTF8, QUOTED, QUOTES_DIFFER } from "./wasm/scan-abi";

/** The exports of record-scan.wasm (documented there). */
interface RecordScanExports {
  memory: WebAssembly.Memory;
  configure(delimiter: number, watchFirst: number, watchSecond: number, cutAfter: number): void;
  reserve(length: number): void;
  blockPointer(): number;
  tablePointer(): number;
  scan(pos: number, length: number, final: boolean): number;
  stopReason(): number;
  unterminatedLineOffset(): number;
}

export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`Unterminated quote starting on line ${line}`);
  }
}

export class RecordScanner {
  private readonly wasm: RecordScanExports;
  private buf: Uint8Array = new Uint8Array(0);
  private final = false;
  /** The module's record table (a new view after its memory grows). */
  private table = new Int32Array(0);
  /** Records in the table, and the next one `next()` hands out. */
  private count = 0;
  private cursor = 0;
  /** Why the last scan stopped; STOP_FULL also stands for "not scanned yet". */
  private stop = STOP_FULL;

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
    cutAfter = 0,
  ) {
    if (watch.length > 2) throw new Error("RecordScanner watches at most 2 fields");
    if (delimiter === 34 || delimiter === 10 || delimiter === 13 || delimiter >= 0x80) throw new Error("Unsupported delimiter");
    // An instance is a few microseconds and owns its memory (one block), so each scanner has its own.
    this.wasm = new WebAssembly.Instance(recordScanModule, {}).exports as unknown as RecordScanExports;
    this.wasm.configure(delimiter, watch[0] ?? -1, watch[1] ?? -1, cutAfter);
  }

  reset(block: Uint8Array, final: boolean): void {
    this.wasm.reserve(block.length);
    const memory = this.wasm.memory.buffer;
    new Uint8Array(memory, this.wasm.blockPointer(), block.length).set(block);
    this.table = new Int32Array(memory, this.wasm.tablePointer(), MAX_RECORDS * RECORD_SLOTS);
    this.buf = block;
    this.final = final;
    this.pos = 0;
    this.count = this.cursor = 0;
    this.stop = STOP_FULL;
  }

  next(): boolean {
    if (this.cursor === this.count) {
      if (this.stop === STOP_UNTERMINATED) throw new UnterminatedQuoteError(this.line + this.wasm.unterminatedLineOffset());
      if (this.stop !== STOP_FULL) return false;
      this.count = this.wasm.scan(this.pos, this.buf.length, this.final);
      this.stop = this.wasm.stopReason();
      this.cursor = 0;
      return this.next();
    }
    const table = this.table;
    const at = this.cursor++ * RECORD_SLOTS;
    this.start = table[at + SLOT_START]!;
    this.end = table[at + SLOT_END]!;
    this.breakLength = table[at + SLOT_BREAK_LENGTH]!;
    this.fields = table[at + SLOT_FIELDS]!;
    this.flags = table[at + SLOT_FLAGS]!;
    this.watchStart[0] = table[at + SLOT_WATCH]!;
    this.watchEnd[0] = table[at + SLOT_WATCH + 1]!;
    this.watchStart[1] = table[at + SLOT_WATCH + 2]!;
    this.watchEnd[1] = table[at + SLOT_WATCH + 3]!;
    this.cut = table[at + SLOT_CUT]!;
    this.recordLine = this.line;
    this.line += table[at + SLOT_INNER_LINES]! + (this.breakLength > 0 ? 1 : 0);
    this.pos = this.end + this.breakLength;
    return true;
  }
}

/** True when the bytes hold only delimiters, spaces and tabs (a blank line, or Excel's `,,,,`). */
export function isBlankRecord(buf: Uint8Array, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    if (byte !== delimiter && byte !== 32 && byte !== 9) return false;
  }
  return true;
}
