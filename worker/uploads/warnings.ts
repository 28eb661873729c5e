import { LIMITS } from "./limits";

export type WarningCode =
  | "duplicate_rows"
  | "ragged_rows"
  | "extra_cells_dropped"
  | "blank_company"
  | "formula_cells"
  | "no_header_row"
  | "no_company_column"
  | "duplicates_checked_partly"
  | "summary_row";

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
  private readonly emails: EmailIndex;
  /** Set once the email table is full: later rows are not checked for duplicates. */
  private emailCheckStopped = false;

  /** `maxRows`: an upper bound on the data rows (sizes the duplicate-email table, see `EmailIndex`). */
  constructor(maxRows: number, maxEmails?: number) {
    this.emails = new EmailIndex(maxRows, maxEmails);
  }

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

  /**
   * The email cell of a row, as UTF-8 bytes (compared trimmed, with ASCII letters lower-cased). When
   * the table of emails is full, checking stops for good and a note says up to which row it ran.
   */
  email(bytes: Uint8Array, start: number, end: number, row: number): void {
    if (this.emailCheckStopped) return;
    const first = this.emails.firstRow(bytes, start, end, row);
    if (first === 0) return;
    if (first === -1) {
      this.emailCheckStopped = true;
      const limit = this.emails.capacity.toLocaleString("en-US");
      this.note(
        "duplicates_checked_partly",
        `Duplicate emails were checked in the first ${(row - 1).toLocaleString("en-US")} rows only: the file has more than ${limit} different email addresses, as many as the check was sized for (from the file's size, or the rows an XLSX sheet declares). Later rows may repeat an email without a warning.`,
      );
      return;
    }
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
 * Emails seen so far, as 64-bit fingerprints (two 32-bit hashes of the trimmed, ASCII-lower-cased
 * bytes) with the first row of each, in one open-addressing table of 12-byte slots that is allocated
 * once and never resized. It is sized for an upper bound on the rows the upload can hold, capped at
 * `LIMITS.maxDuplicateCheckEmails` distinct emails (2,000,000 slots, 24 MB), so memory does not grow
 * with the file. Past its capacity the check stops and says so (see `WarningCollector.email`).
 *
 * Only fingerprints are kept, not the emails: two different emails are taken for one when both 32-bit
 * hashes agree, about once in 2^64 per pair, i.e. odds of ~6·10⁻⁸ for any false duplicate in a file of
 * 1.5 million different emails. A false positive would only list a row in a warning.
 */
export class EmailIndex {
  /** Linear probing stays short (≤ 2.5 probes to find, ≤ 8.5 to miss) up to 75 % full. */
  static readonly MAX_LOAD = 0.75;
  /** Distinct emails the table takes before it is full. */
  readonly capacity: number;
  private readonly slotCount: number;
  /** Per slot: hash A, hash B, first row (0: empty slot; top bit: that first row was already reported). */
  private readonly slots: Uint32Array;
  private used = 0;
  /** Whether the last duplicate found was the first repeat of its email. */
  firstIsNew = false;

  /** `maxRows`: at most this many rows will be looked up (a bound; the table is sized for it). */
  constructor(maxRows: number, maxEmails: number = LIMITS.maxDuplicateCheckEmails) {
    this.capacity = Math.max(1, Math.min(Math.ceil(maxRows), maxEmails));
    this.slotCount = Math.max(64, Math.ceil(this.capacity / EmailIndex.MAX_LOAD));
    this.slots = new Uint32Array(this.slotCount * 3);
  }

  /** Bytes the table holds (allocated once, in the constructor). */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /**
   * The first row that had this email, 0 when it is new (then `row` is remembered), or -1 when it is
   * new but the table is full (nothing remembered). Spaces and tabs around the email are ignored and
   * ASCII letters compared lower-cased; an empty email is never looked up (0).
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
    const slots = this.slots;
    const count = this.slotCount;
    // A is mixed (FNV alone spreads poorly) and mapped onto the slots by multiplying, not masking.
    let mixed = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    mixed = (mixed ^ (mixed >>> 16)) >>> 0;
    for (let slot = Math.floor((mixed * count) / 0x100000000); ; slot = slot + 1 === count ? 0 : slot + 1) {
      const at = slot * 3;
      const seen = slots[at + 2]!;
      if (seen === 0) {
        if (this.used >= this.capacity) return -1;
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = row;
        this.used++;
        return 0;
      }
      if (slots[at] === a && slots[at + 1] === b) {
        this.firstIsNew = seen >>> 31 === 0;
        if (this.firstIsNew) slots[at + 2] = (seen | 0x80000000) >>> 0;
        return seen & 0x7fffffff;
      }
    }
  }
}
