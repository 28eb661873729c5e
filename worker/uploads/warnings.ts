import { LIMITS } from "./limits";

export type WarningCode =
  | "duplicate_rows"
  | "ragged_rows"
  | "extra_cells_dropped"
  | "blank_company"
  | "formula_cells"
  | "no_header_row"
  | "no_company_column";

export interface UploadWarning {
  code: WarningCode;
  message: string;
  /** Data rows concerned (1-based, row 1 is the first row under the header), at most 100. */
  rows: number[];
  /** How many rows are concerned in all. */
  count: number;
}

/** Collects row numbers per warning while rows stream by; keeps only the first 100 of each. */
export class WarningCollector {
  private readonly rows = new Map<WarningCode, number[]>();
  private readonly counts = new Map<WarningCode, number>();
  private readonly notes: UploadWarning[] = [];
  private readonly emails = new EmailIndex();

  add(code: WarningCode, row: number): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    let list = this.rows.get(code);
    if (!list) this.rows.set(code, (list = []));
    if (list.length < LIMITS.maxWarningRows) list.push(row);
  }

  /** A warning about the whole file (no rows). */
  note(code: WarningCode, message: string): void {
    this.notes.push({ code, message, rows: [], count: 0 });
  }

  /** The email cell of a row, as UTF-8 bytes (compared trimmed, with ASCII letters lower-cased). */
  email(bytes: Uint8Array, start: number, end: number, row: number): void {
    const first = this.emails.firstRow(bytes, start, end, row);
    if (first === 0) return;
    if (this.emails.firstIsNew) this.add("duplicate_rows", first);
    this.add("duplicate_rows", row);
  }

  list(): UploadWarning[] {
    const order: WarningCode[] = ["duplicate_rows", "ragged_rows", "extra_cells_dropped", "blank_company", "formula_cells"];
    const warnings = [...this.notes];
    for (const code of order) {
      const count = this.counts.get(code);
      if (!count) continue;
      const rows = [...this.rows.get(code)!].sort((a, b) => a - b);
      warnings.push({ code, message: MESSAGES[code]!(count), rows, count });
    }
    return warnings;
  }
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

const MESSAGES: Record<string, (count: number) => string> = {
  duplicate_rows: (n) => `${plural(n, "row shares", "rows share")} an email address with another row.`,
  ragged_rows: (n) => `${plural(n, "row has", "rows have")} a different number of cells than the header; missing cells are left empty.`,
  extra_cells_dropped: (n) =>
    `${plural(n, "row has", "rows have")} filled cells to the right of the last column; those cells are not part of the upload.`,
  blank_company: (n) => `${plural(n, "row has", "rows have")} no company; they cannot get an opening line until one is filled in.`,
  formula_cells: (n) =>
    `${plural(n, "row has a cell", "rows have cells")} starting with = + - or @, which spreadsheets run as formulas; exports prefix them with '.`,
};

/**
 * Emails seen so far, as 64-bit fingerprints (two 32-bit hashes) in an open-addressing table with the
 * first row of each: 12 bytes per distinct email, so a million rows stay near 24 MB at worst.
 */
class EmailIndex {
  private capacity = 1 << 12;
  private used = 0;
  private hashA = new Uint32Array(this.capacity);
  private hashB = new Uint32Array(this.capacity);
  /** First row of each email; the top bit marks a first row already reported as a duplicate. */
  private rowOf = new Uint32Array(this.capacity);
  /** Whether the last duplicate found was the first repeat of its email. */
  firstIsNew = false;

  /**
   * Returns the first row that had this email, or 0 when it is new (then `row` is remembered). Spaces
   * and tabs around it are ignored and ASCII letters compared lower-cased; an empty email is never new.
   */
  firstRow(bytes: Uint8Array, start: number, end: number, row: number): number {
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
    if (start >= end) return 0;
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = start; i < end; i++) {
      let byte = bytes[i]!;
      if (byte >= 65 && byte <= 90) byte += 32;
      a = Math.imul(a ^ byte, 0x01000193);
      b = Math.imul(b ^ byte, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a >>>= 0;
    b >>>= 0;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const seen = this.rowOf[slot]!;
      if (seen === 0) {
        this.hashA[slot] = a;
        this.hashB[slot] = b;
        this.rowOf[slot] = row;
        if (++this.used * 2 > this.capacity) this.grow();
        return 0;
      }
      if (this.hashA[slot] === a && this.hashB[slot] === b) {
        this.firstIsNew = seen >>> 31 === 0;
        if (this.firstIsNew) this.rowOf[slot] = (seen | 0x80000000) >>> 0;
        return seen & 0x7fffffff;
      }
    }
  }

  private grow(): void {
    const [oldA, oldB, oldRows] = [this.hashA, this.hashB, this.rowOf];
    this.capacity *= 2;
    this.hashA = new Uint32Array(this.capacity);
    this.hashB = new Uint32Array(this.capacity);
    this.rowOf = new Uint32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < oldRows.length; i++) {
      if (oldRows[i] === 0) continue;
      let slot = oldA[i]! & mask;
      while (this.rowOf[slot] !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = oldA[i]!;
      this.hashB[slot] = oldB[i]!;
      this.rowOf[slot] = oldRows[i]!;
    }
  }
}
