import { ApiError } from "../lib/errors";

/**
 * What one upload may hold. Every limit is named in the error that enforces it, so a user knows
 * what to change. `MAX_UPLOAD_BYTES` itself comes from the configuration (worker/config.ts).
 */
export const LIMITS = {
  /** Columns in the header (HubSpot's widest exports have a few hundred). */
  maxColumns: 1000,
  /** Bytes of one row (all its cells) in UTF-8: far beyond any real prospect record. */
  maxRowBytes: 1024 * 1024,
  /** Characters kept of a column name. */
  maxColumnNameChars: 256,
  /**
   * Characters of all column names together: the names are stored and answered with every upload
   * (D1 rows hold 2 MB). 250 survey questions of 256 characters fit; sample rows, which repeat the
   * names, have their own byte budget below.
   */
  maxHeaderChars: 64_000,
  /**
   * Bytes of JSON the sample rows may take: with the names, they must fit the upload's D1 row and an
   * answer short enough to replay for an Idempotency-Key (MAX_REPLAY_BYTES, 1 MiB). A very wide file
   * with long names gets fewer than five samples rather than a row D1 cannot store.
   */
  maxSampleJsonBytes: 512 * 1024,
  /** Characters of a cell shown in `sampleRows` (a preview; the normalized file keeps every character). */
  maxSampleCellChars: 1000,
  /** Characters of one sample row in all: wide files get shorter sample cells (D1 rows hold 2 MB). */
  maxSampleChars: 40_000,
  /**
   * Different email addresses checked for duplicates per upload: the check's table is allocated once
   * (24 MiB at most) and never grows; past this many the check stops with a warning saying so.
   */
  maxDuplicateCheckEmails: 1_500_000,
  /** Row numbers listed per warning (the warning's `count` has the total). */
  maxWarningRows: 100,
  /** Bytes read from the start of a CSV to pick encoding, delimiter and header (more than one row may hold). */
  sniffBytes: 1024 * 1024 + 64 * 1024,
  /** Records looked at to find the header row (title rows above it). */
  headerSearchRows: 30,
  /** Data rows (under the header) looked at to suggest the mapping from values. */
  mappingSampleRows: 50,
  /** XLSX: bytes of shared strings held in memory (UTF-8), the one part of a workbook read whole. */
  maxSharedStringBytes: 48 * 1024 * 1024,
  /** XLSX: number of shared strings. */
  maxSharedStrings: 4_000_000,
  /** XLSX: small XML parts read whole (workbook, relationships, styles). */
  maxSmallPartBytes: 8 * 1024 * 1024,
  /** XLSX: inflated bytes of one sheet or shared-strings part. */
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  /** XLSX: an entry inflating to more than this many times its compressed size is treated as a ZIP bomb. */
  maxCompressionRatio: 200,
  /** XLSX: the ratio check applies once an entry has inflated past this many bytes. */
  ratioCheckAfterBytes: 16 * 1024 * 1024,
  /** XLSX: bytes of the ZIP central directory. */
  maxCentralDirectoryBytes: 4 * 1024 * 1024,
  /** Seconds an upload may send nothing before it is given up. */
  stallSeconds: 30,
} as const;

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;

export const unparseable = (message: string, details: Record<string, unknown>) =>
  new ApiError("unparseable_file", message, details);

export const tooLarge = (message: string, details: Record<string, unknown>) => new ApiError("file_too_large", message, details);

export const unsupportedType = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError("unsupported_file_type", message, details);

export function rowTooLarge(line: number, unit: "line" | "row" = "line"): ApiError {
  return unparseable(
    `The ${unit === "line" ? "record starting on line" : "row"} ${line} is larger than ${formatBytes(LIMITS.maxRowBytes)}, the limit for one row` +
      (unit === "line" ? " (a quote that is never closed makes the rest of the file one record)." : "."),
    { reason: "row_too_large", [unit]: line, limitBytes: LIMITS.maxRowBytes },
  );
}

export function tooManyColumns(count: number, atLeast = false): ApiError {
  return unparseable(`The file has ${atLeast ? "at least " : ""}${count} columns; the limit is ${LIMITS.maxColumns}.`, {
    reason: "too_many_columns",
    columns: count,
    limit: LIMITS.maxColumns,
  });
}

export function headerTooLarge(chars: number): ApiError {
  return unparseable(`The column names add up to ${chars} characters; the limit is ${LIMITS.maxHeaderChars}.`, {
    reason: "header_too_large",
    characters: chars,
    limit: LIMITS.maxHeaderChars,
  });
}

export function cellTooLarge(cell?: string): ApiError {
  return unparseable(`${cell ? `The cell ${cell}` : "A cell"} is larger than ${formatBytes(LIMITS.maxRowBytes)}, the limit for one row.`, {
    reason: "row_too_large",
    ...(cell ? { cell } : {}),
    limitBytes: LIMITS.maxRowBytes,
  });
}
