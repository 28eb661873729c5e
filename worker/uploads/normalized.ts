/**
 * The one form every accepted upload is turned into, and the only thing the job pipeline reads.
 *
 * Normalized CSV (`normalizedKey` in R2): UTF-8 without BOM, `,` delimiter, `\n` record separator,
 * RFC 4180 quoting (a field is quoted when it holds `"`, `,`, `\r` or `\n`; quotes doubled). The first
 * record is the header (`columns`, unique, non-empty names); then every data row in input order, each
 * with exactly `columns.length` fields. Nothing else: no blank lines, no title rows.
 *
 * Chunk index (`chunkIndexKey` in R2, JSON `ChunkIndex`): byte ranges of the normalized CSV, each holding
 * whole records, so a consumer can `FILES.get(key, {range: {offset: start, length: end - start}})` and
 * parse just its rows.
 */
export interface ChunkRange {
  /** 0-based position in `chunks`. */
  index: number;
  /** Byte offset of the chunk's first record in the normalized CSV (inclusive). */
  start: number;
  /** Byte offset just past the chunk's last record, including its `\n` (exclusive). */
  end: number;
  /** 1-based number of the chunk's first data row (row 1 is the first row under the header). */
  firstRow: number;
  rowCount: number;
}

export interface ChunkIndex {
  version: 1;
  columns: string[];
  /** Bytes of the header record including its `\n`: data starts here. */
  headerBytes: number;
  rowCount: number;
  /** Rows per entry (the last entry may hold fewer). */
  rowsPerChunk: number;
  chunks: ChunkRange[];
}

export const ROWS_PER_INDEX_CHUNK = 100;

export const normalizedKeyFor = (prefix: string) => `${prefix}normalized.csv`;
export const chunkIndexKeyFor = (prefix: string) => `${prefix}chunks.json`;
export const originalKeyFor = (prefix: string) => `${prefix}original`;
