import { parseCsv } from "../csv/parse";
import { BlockReader, checkTail } from "./blocks";
import { detectEncoding, StreamDecoder, type TextEncodingName } from "./encoding";
import { detectDelimiter, detectLayout, isBlankRow, parseSniffText, unterminatedQuote } from "./layout";
import { SummaryRowFilter } from "./summary-rows";
import { LIMITS, rowTooLarge, unparseable } from "./limits";
import { suggestMapping, type Mapping } from "./mapping";
import { NormalizedCsvWriter, type NormalizedTarget } from "./normalized-writer";
import type { TableResult } from "./table-result";
import { FORMULA_START, HAS_COMMA, INVALID_UTF8, isBlankRecord, QUOTED, QUOTES_DIFFER, RecordScanner, UnterminatedQuoteError } from "./scanner";
import type { UploadWarning } from "./warnings";

export type { TableResult } from "./table-result";

class InvalidUtf8 extends Error {}

/**
 * A CSV/TSV/text upload: sniffs encoding, delimiter and header from its first bytes, then streams the
 * whole object once through the byte scanner into the normalized CSV and its chunk index. Text that
 * turns out not to be UTF-8 after the sniffed start is read again as Windows-1252.
 */
export async function normalizeCsvObject(
  bucket: R2Bucket,
  source: { key: string; size: number },
  target: NormalizedTarget,
  options: { blockBytes?: number } = {},
): Promise<TableResult> {
  try {
    return await normalizeAs(bucket, source, target, null, options.blockBytes);
  } catch (error) {
    if (!(error instanceof InvalidUtf8)) throw error;
    return await normalizeAs(bucket, source, target, "windows-1252", options.blockBytes);
  }
}

/**
 * At most this many data rows fit in `size` bytes of text: every row whose email is looked up holds a
 * non-blank character and ends with a line break (the last one may not), whatever the encoding.
 */
const maxRowsIn = (size: number) => Math.ceil(size / 2);

async function normalizeAs(
  bucket: R2Bucket,
  source: { key: string; size: number },
  target: NormalizedTarget,
  forcedEncoding: TextEncodingName | null,
  blockBytes: number | undefined,
): Promise<TableResult> {
  const headLength = Math.min(source.size, LIMITS.sniffBytes);
  const head = await readUploadBytes(bucket, source.key, 0, headLength);
  const complete = headLength === source.size;
  const detected = detectEncoding(head, complete);
  const encoding = forcedEncoding ?? detected.encoding;
  const text = new StreamDecoder(encoding).decode(head.subarray(detected.bomBytes), complete);
  if (text.trim() === "" && complete) throw unparseable("The file is empty.", { reason: "empty" });

  const delimiterSample = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  const delimiter = detectDelimiter(delimiterSample, complete && delimiterSample === text);
  const rows = parseSniffText(text, delimiter, complete);
  if (rows.length === 0 || (!complete && rows.length === 1 && !/[\r\n]/.test(text))) throw rowTooLarge(1);
  const layout = detectLayout(rows);
  const firstData = layout.headerless ? 0 : layout.headerIndex + 1;
  const sample = rows.slice(firstData).filter((row) => !isBlankRow(row)).slice(0, LIMITS.mappingSampleRows);
  const suggestedMapping = suggestMapping(layout.columns, sample);

  const writer = NormalizedCsvWriter.forLayout(bucket, target, layout, suggestedMapping, maxRowsIn(source.size));

  let headerRow = 0;
  try {
    const object = await bucket.get(source.key);
    if (!object) throw new Error(`Stored upload ${source.key} vanished`);
    const reader = new BlockReader(object.body, transcoderFor(encoding), detected.bomBytes, blockBytes);
    headerRow = await streamRecords(reader, delimiter, layout.headerless ? 0 : layout.headerIndex + 1, layout.headerWidth, writer);
    if (writer.rowCount === 0) {
      throw unparseable("The file has a header row but no data rows.", { reason: "no_rows", headerRow, columns: layout.columns });
    }
    await writer.finish();
    return writer.result({ encoding, delimiter, headerRow, sheetName: null, suggestedMapping });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Streams every record into the writer; returns the line of the header (0 when there is none). */
async function streamRecords(
  reader: BlockReader,
  delimiter: string,
  skipRecords: number,
  headerWidth: number,
  writer: NormalizedCsvWriter,
): Promise<number> {
  const delimiterByte = delimiter.charCodeAt(0);
  const width = writer.columns.length;
  const { email, company } = writer.watchedColumns;
  // Watched fields: email and company; `cut` marks where cells past the last column begin.
  const scanner = new RecordScanner(delimiterByte, [email, company], width);
  const warnings = writer.warnings;
  const summaries = new SummaryRowFilter(warnings);
  const utf8 = new TextDecoder();
  let records = 0;
  let headerLine = 0;
  let tail: Uint8Array = new Uint8Array(0);

  try {
    for (;;) {
      const block = await reader.next(tail);
      if (!block) break;
      const bytes = block.bytes;
      scanner.reset(bytes, block.final);
      for (;;) {
        let found: boolean;
        try {
          found = scanner.next();
        } catch (error) {
          if (error instanceof UnterminatedQuoteError) throw unterminatedQuote(error.line);
          throw error;
        }
        if (!found) break;
        const { start, end, flags, fields } = scanner;
        if (end - start > LIMITS.maxRowBytes) throw rowTooLarge(scanner.recordLine);
        if (flags & INVALID_UTF8) throw new InvalidUtf8();
        if (records++ < skipRecords) {
          if (records === skipRecords) headerLine = scanner.recordLine;
          continue;
        }
        if (isBlankRecord(bytes, start, end, delimiterByte)) {
          summaries.blank();
          continue;
        }
        if (summaries.watching && summaries.skip(parseCsv(utf8.decode(bytes.subarray(start, end)), delimiter)[0] ?? [], `line ${scanner.recordLine}`)) continue;

        // Fast path: the row's bytes are copied. In a comma file, quoted fields that need their quotes
        // are already in normalized form; cells past the last column must be empty.
        const cut = fields > width ? scanner.cut : end;
        const quotesFit =
          (flags & QUOTED) === 0 || (delimiterByte === 44 && (flags & QUOTES_DIFFER) === 0 && (email < 0 || bytes[scanner.watchStart[0]!] !== 34));
        const fast =
          quotesFit && (flags & (HAS_COMMA | FORMULA_START)) === 0 && !writer.wantsSamples && (cut === end || isBlankRecord(bytes, cut, end, delimiterByte));
        if (fast) {
          const row = writer.beginRow();
          if (fields < headerWidth) warnings.add("ragged_rows", row);
          if (company >= 0 && isBlankField(bytes, scanner.watchStart[1]!, scanner.watchEnd[1]!)) warnings.add("blank_company", row);
          if (email >= 0 && scanner.watchStart[0]! >= 0) warnings.email(bytes, scanner.watchStart[0]!, scanner.watchEnd[0]!, row);
          const lfFollows = cut === end && scanner.breakLength === 1 && bytes[end] === 10;
          writer.copyRow(bytes, start, cut, lfFollows, delimiterByte, fields < width ? width - fields : 0);
          continue;
        }
        const parsed = parseCsv(utf8.decode(bytes.subarray(start, end)), delimiter);
        if (parsed.length !== 1) throw new Error(`Scanner and parser disagree on the record at line ${scanner.recordLine}`);
        const values = parsed[0]!;
        if (isBlankRow(values)) {
          summaries.blank();
          continue;
        }
        writer.writeFields(values, headerWidth);
      }
      tail = bytes.subarray(scanner.pos);
      checkTail(tail, scanner.line);
      await writer.flush();
    }
  } finally {
    await reader.cancel();
  }
  return headerLine;
}

/** A cell that is missing (-1) or holds only spaces and tabs. */
function isBlankField(bytes: Uint8Array, start: number, end: number): boolean {
  if (start < 0) return true;
  for (let i = start; i < end; i++) if (bytes[i] !== 32 && bytes[i] !== 9) return false;
  return true;
}

/** Non-UTF-8 text is decoded and re-encoded to UTF-8 chunk by chunk before it is scanned. */
function transcoderFor(encoding: TextEncodingName) {
  if (encoding === "utf-8") return undefined;
  const decoder = new StreamDecoder(encoding);
  const encoder = new TextEncoder();
  return {
    chunk: (bytes: Uint8Array) => encoder.encode(decoder.decode(bytes)),
    final: () => encoder.encode(decoder.decode(new Uint8Array(0), true)),
  };
}

/** The raw bytes at `offset..offset+length` of a stored upload (its sniffing head, an XLSX's zip records). */
export async function readUploadBytes(bucket: R2Bucket, key: string, offset: number, length: number): Promise<Uint8Array> {
  if (length === 0) return new Uint8Array(0);
  const object = await bucket.get(key, { range: { offset, length } });
  if (!object) throw new Error(`Stored upload ${key} vanished`);
  return new Uint8Array(await object.arrayBuffer());
}
