import { csvLine } from "../csv/write";
import type { TableResult } from "./table-result";
import type { TableLayout } from "./layout";
import { LIMITS } from "./limits";
import type { Mapping } from "./mapping";
import { ROWS_PER_INDEX_CHUNK, type ChunkIndex, type ChunkRange } from "./normalized";
import { R2ObjectWriter } from "./r2-writer";
import { startsLikeFormula } from "./values";
import { WarningCollector } from "./warnings";

const SAMPLE_ROWS = 5;
const COMMA = 44;
const NEWLINE = 10;

export interface WatchedColumns {
  /** 0-based column index of the email column, or -1. */
  email: number;
  /** 0-based column index of the company column, or -1. */
  company: number;
}

export interface NormalizedTarget {
  /** R2 key of the normalized CSV. */
  normalizedKey: string;
  /** R2 key of its chunk index (JSON `ChunkIndex`). */
  chunkIndexKey: string;
}

/**
 * Writes the normalized CSV (see ./normalized.ts) as rows arrive, with the chunk index, the first rows
 * as samples and the row warnings. Rows come either as fields (`writeFields`) or, on the fast path, as
 * bytes the scanner found already in normalized shape (`copyRecord`), which are copied without ever
 * becoming strings; consecutive copied records in one block are copied in one go.
 *
 * Memory does not grow with the file: both objects stream out through part buffers, each chunk index
 * entry is written as soon as its chunk ends, warnings keep at most 100 rows each, and the duplicate
 * email table is allocated once (`maxRows` sizes it).
 */
export class NormalizedCsvWriter {
  readonly warnings: WarningCollector;
  readonly samples: Record<string, string>[] = [];
  private sampleBytes = 0;
  private samplesFull = false;
  rowCount = 0;
  private readonly out: R2ObjectWriter;
  private readonly index: R2ObjectWriter;
  private readonly headerBytes: number;
  /** Start of the chunk being written (its entry goes into the index once the next one begins). */
  private chunkStart = 0;
  private chunks = 0;
  private readonly encoder = new TextEncoder();
  // The pending run of copied records: bytes [runStart, runEnd) of runBlock.
  private runBlock: Uint8Array | null = null;
  private runStart = 0;
  private runEnd = 0;

  constructor(
    bucket: R2Bucket,
    target: NormalizedTarget,
    readonly columns: string[],
    readonly watchedColumns: WatchedColumns,
    /** An upper bound on the data rows the source can hold (sizes the duplicate-email table once). */
    maxRows: number,
  ) {
    this.warnings = new WarningCollector(maxRows);
    this.out = new R2ObjectWriter(bucket, target.normalizedKey, { contentType: "text/csv; charset=utf-8" });
    this.out.writeString(csvLine(columns));
    this.headerBytes = this.out.size;
    // The index is JSON written as it grows: 1,000,000 rows make ~1.5 MB of it.
    this.index = new R2ObjectWriter(bucket, target.chunkIndexKey, { contentType: "application/json", initialBytes: 64 * 1024 });
    const head: Omit<ChunkIndex, "chunks" | "rowCount"> = {
      version: 1,
      columns,
      headerBytes: this.headerBytes,
      rowsPerChunk: ROWS_PER_INDEX_CHUNK,
    };
    this.index.writeString(`${JSON.stringify(head).slice(0, -1)},"chunks":[`);
  }

  /**
   * The writer for a detected layout: the suggested email and company columns are watched (duplicate
   * and blank-company warnings), and a missing header or company column is noted up front.
   */
  static forLayout(bucket: R2Bucket, target: NormalizedTarget, layout: TableLayout, mapping: Mapping, maxRows: number): NormalizedCsvWriter {
    const column = (name: string | undefined) => (name ? layout.columns.indexOf(name) : -1);
    const writer = new NormalizedCsvWriter(bucket, target, layout.columns, { email: column(mapping.email), company: column(mapping.company) }, maxRows);
    if (layout.headerless) writer.warnings.note("no_header_row", "The first row holds data, not column names: columns are named Column 1, Column 2, …");
    if (!mapping.company) {
      const advice = mapping.email ? "map one, or the company is taken from each work email's domain." : "map one before starting a job.";
      writer.warnings.note("no_company_column", `No column looks like the company name; ${advice}`);
    }
    return writer;
  }

  /** What the upload reports once the writer has finished, with what the format knows. */
  result(found: Pick<TableResult, "encoding" | "delimiter" | "headerRow" | "sheetName" | "suggestedMapping">): TableResult {
    return { ...found, columns: this.columns, rowCount: this.rowCount, sampleRows: this.samples, warnings: this.warnings.list() };
  }

  /** Characters kept per sample cell: the five samples of a wide file must still fit in one D1 row. */
  private get sampleCellChars(): number {
    return Math.max(32, Math.min(LIMITS.maxSampleCellChars, Math.floor(LIMITS.maxSampleChars / this.columns.length)));
  }

  get wantsSamples(): boolean {
    return this.samples.length < SAMPLE_ROWS && !this.samplesFull;
  }

  /** Bytes of normalized CSV so far. */
  get size(): number {
    return this.out.size + (this.runEnd - this.runStart);
  }

  /** Starts the next data row (chunk index bookkeeping) and returns its 1-based number. */
  beginRow(): number {
    if (this.rowCount % ROWS_PER_INDEX_CHUNK === 0) {
      const start = this.size;
      if (this.rowCount > 0) this.endChunk(start);
      this.chunkStart = start;
    }
    return ++this.rowCount;
  }

  /** Writes the index entry of the chunk that ends at `end`. */
  private endChunk(end: number): void {
    const index = this.chunks++;
    const firstRow = index * ROWS_PER_INDEX_CHUNK + 1;
    const entry: ChunkRange = { index, start: this.chunkStart, end, firstRow, rowCount: Math.min(ROWS_PER_INDEX_CHUNK, this.rowCount - firstRow + 1) };
    this.index.writeString(`${index > 0 ? "," : ""}${JSON.stringify(entry)}`);
  }

  /**
   * A row as fields. With `headerWidth` (CSV), a row with fewer cells than the header names is ragged;
   * sheet rows (0) simply end early. Filled cells right of the last column are dropped with a warning.
   */
  writeFields(values: string[], headerWidth: number): void {
    const width = this.columns.length;
    const row = this.beginRow();
    if (values.length < headerWidth) this.warnings.add("ragged_rows", row);
    if (values.length > width) {
      if (values.slice(width).some((value) => value.trim() !== "")) this.warnings.add("extra_cells_dropped", row);
      values = values.slice(0, width);
    } else if (values.length < width) {
      values = values.concat(Array<string>(width - values.length).fill(""));
    }
    if (values.some(startsLikeFormula)) this.warnings.add("formula_cells", row);
    if (this.watchedColumns.company >= 0 && values[this.watchedColumns.company]!.trim() === "") this.warnings.add("blank_company", row);
    if (this.watchedColumns.email >= 0) {
      const email = this.encoder.encode(values[this.watchedColumns.email]!);
      this.warnings.email(email, 0, email.length, row);
    }
    if (this.wantsSamples) {
      const limit = this.sampleCellChars;
      const sample = Object.fromEntries(this.columns.map((name, i) => [name, values[i]!.length > limit ? `${values[i]!.slice(0, limit)}…` : values[i]!]));
      // Fewer samples rather than an upload row D1 cannot store (escapes and multi-byte text can
      // make the JSON several times the characters counted above).
      const bytes = this.encoder.encode(JSON.stringify(sample)).length;
      if (this.sampleBytes + bytes <= LIMITS.maxSampleJsonBytes) {
        this.samples.push(sample);
        this.sampleBytes += bytes;
      } else {
        this.samplesFull = true;
      }
    }
    this.flushRun();
    this.out.writeString(csvLine(values));
  }

  /**
   * The bytes of a row (begun with `beginRow`) the scanner found already in normalized shape apart from
   * its delimiter: no quotes, no `,` inside a field, no formula. `[start, end)` excludes the line break;
   * `lfFollows` says `block[end]` is a `\n` that can be copied with it. `delimiter` bytes become `,`
   * (in `block`), `padding` empty fields are added. Consecutive rows in a block are copied in one go.
   */
  copyRow(block: Uint8Array, start: number, end: number, lfFollows: boolean, delimiter: number, padding: number): void {
    if (delimiter !== COMMA) {
      for (let i = start; i < end; i++) if (block[i] === delimiter) block[i] = COMMA;
    }
    if (lfFollows && padding === 0) {
      if (this.runBlock === block && this.runEnd === start) {
        this.runEnd = end + 1;
        return;
      }
      this.flushRun();
      this.runBlock = block;
      this.runStart = start;
      this.runEnd = end + 1;
      return;
    }
    this.flushRun();
    this.out.write(block, start, end);
    for (let i = 0; i < padding; i++) this.out.writeByte(COMMA);
    this.out.writeByte(NEWLINE);
  }

  private flushRun(): void {
    if (this.runBlock) {
      this.out.write(this.runBlock, this.runStart, this.runEnd);
      this.runBlock = null;
      this.runStart = this.runEnd = 0;
    }
  }

  /** Call when the block given to `copyRecord` is about to be dropped: sends the full parts. */
  async flush(): Promise<void> {
    this.flushRun();
    await this.out.flush();
    await this.index.flush();
  }

  /** Finishes the normalized CSV, then its chunk index. */
  async finish(): Promise<void> {
    await this.flush();
    await this.out.close();
    if (this.rowCount > 0) this.endChunk(this.out.size);
    this.index.writeString(`],"rowCount":${this.rowCount}}`);
    await this.index.close();
  }

  async abort(): Promise<void> {
    await this.out.abort();
    await this.index.abort();
  }
}
