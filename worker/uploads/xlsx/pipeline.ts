import { ApiError } from "../../lib/errors";
import type { TableResult } from "../csv-pipeline";
import { detectLayout, type TableLayout } from "../layout";
import { LIMITS, unparseable } from "../limits";
import { suggestMapping, type Mapping } from "../mapping";
import { NormalizedCsvWriter, type NormalizedTarget } from "../normalized-writer";
import { SummaryRowFilter } from "../summary-rows";
import { SharedStrings, readSharedStrings } from "./shared-strings";
import { readSheetRows, type SheetContext } from "./sheet";
import { readStyles } from "./styles";
import { openWorkbook, readSmallPart, type SheetInfo } from "./workbook";
import { openEntry } from "./zip";

/** Bytes of the shortest sheet row holding a value, `<row><c><v>1</v></c></row>`. */
const MIN_ROW_XML_BYTES = 26;

/**
 * Rows to size the duplicate-email table for. The sheet's XML size bounds them, loosely (a real row
 * takes hundreds of bytes); the used range the sheet declares is what writers record exactly, taken
 * with a margin. Should a sheet declare too few, the check stops at the table's capacity and a warning
 * says up to which row it ran.
 */
function rowsToCheck(sheetXmlBytes: number, declaredRows: number): number {
  const bound = Math.ceil(sheetXmlBytes / MIN_ROW_XML_BYTES);
  return declaredRows > 0 ? Math.min(bound, Math.max(10_000, Math.ceil(declaredRows * 1.25))) : bound;
}

/** Rows held back at the start of a sheet to find its header and suggest the mapping. */
const LEAD_ROWS = LIMITS.headerSearchRows + LIMITS.mappingSampleRows;

/**
 * An XLSX upload: the workbook's directory and parts are read from R2 by range, the chosen sheet is
 * inflated and scanned as a stream, and its rows go into the same normalized CSV as a CSV upload's.
 */
export async function normalizeXlsxObject(
  bucket: R2Bucket,
  source: { key: string; size: number },
  target: NormalizedTarget,
  options: { sheet?: string },
): Promise<TableResult> {
  const workbook = await openWorkbook(bucket, source.key, source.size);
  if (workbook.sheets.length === 0) throw unparseable("The workbook has no sheets.", { reason: "empty" });
  const candidates = options.sheet ? [pickSheet(workbook.sheets, options.sheet)] : workbook.sheets.filter((sheet) => !sheet.hidden);

  const entry = (path: string) => workbook.entries.get(path)!;
  const strings = workbook.sharedStringsPath
    ? await readSharedStrings(
        await openEntry(bucket, source.key, entry(workbook.sharedStringsPath), LIMITS.maxInflatedBytes),
        workbook.sharedStringsPath,
        entry(workbook.sharedStringsPath).uncompressedSize,
      )
    : new SharedStrings();
  const formats = workbook.stylesPath ? readStyles(await readSmallPart(bucket, source.key, workbook.entries, workbook.stylesPath)) : [];
  const context: SheetContext = { strings, formats, date1904: workbook.date1904 };

  for (const sheet of candidates) {
    const stream = await openEntry(bucket, source.key, entry(sheet.path), LIMITS.maxInflatedBytes);
    const result = await readSheet(bucket, stream, sheet, context, target, entry(sheet.path).uncompressedSize);
    if (result) return result;
  }
  throw unparseable(options.sheet ? `The sheet "${candidates[0]!.name}" is empty.` : "The workbook has no data: every sheet is empty.", {
    reason: "empty",
    sheets: workbook.sheets.map((sheet) => sheet.name),
  });
}

function pickSheet(sheets: SheetInfo[], wanted: string): SheetInfo {
  const byName = sheets.find((sheet) => sheet.name.toLowerCase() === wanted.trim().toLowerCase());
  if (byName) return byName;
  const position = /^\d+$/.test(wanted.trim()) ? Number(wanted) : NaN;
  if (position >= 1 && position <= sheets.length) return sheets[position - 1]!;
  throw new ApiError("invalid_request", `The workbook has no sheet "${wanted}"; its sheets are: ${sheets.map((sheet) => sheet.name).join(", ")}.`, {
    sheet: wanted,
    sheets: sheets.map((sheet) => sheet.name),
  });
}

/** Null when the sheet holds no cell at all (the next sheet is tried). */
async function readSheet(
  bucket: R2Bucket,
  stream: ReadableStream<Uint8Array>,
  sheet: SheetInfo,
  context: SheetContext,
  target: NormalizedTarget,
  sheetXmlBytes: number,
): Promise<TableResult | null> {
  const lead: { rowNumber: number; cells: string[] }[] = [];
  let writer: NormalizedCsvWriter | null = null;
  let layout: TableLayout | null = null;
  let headerRow = 0;
  let suggestedMapping: Mapping = {};
  let declaredRows = 0;
  let summaries: SummaryRowFilter | null = null;
  let lastRow = 0;

  const start = () => {
    layout = detectLayout(lead.map((row) => row.cells));
    headerRow = layout.headerless ? 0 : lead[layout.headerIndex]!.rowNumber;
    const data = lead.slice(layout.headerless ? 0 : layout.headerIndex + 1);
    suggestedMapping = suggestMapping(layout.columns, data.slice(0, LIMITS.mappingSampleRows).map((row) => row.cells));
    writer = NormalizedCsvWriter.forLayout(bucket, target, layout, suggestedMapping, rowsToCheck(sheetXmlBytes, declaredRows));
    summaries = new SummaryRowFilter(writer.warnings);
    lastRow = layout.headerless ? (data[0]?.rowNumber ?? 1) - 1 : headerRow;
    for (const row of data) write(writer, row.rowNumber, row.cells);
    lead.length = 0;
  };
  // Sheets leave empty rows out, so a gap in the row numbers is a blank row too.
  const write = (target: NormalizedCsvWriter, rowNumber: number, cells: string[]) => {
    if (rowNumber > lastRow + 1) summaries!.blank();
    lastRow = rowNumber;
    if (!cells.some((cell) => cell.trim() !== "")) return summaries!.blank();
    if (summaries!.watching && summaries!.skip(cells, `row ${rowNumber}`)) return;
    target.writeFields(cells, 0);
  };

  try {
    await readSheetRows(
      stream,
      sheet.path,
      context,
      (rowNumber, cells) => {
        if (writer) return write(writer, rowNumber, cells);
        if (!cells.some((cell) => cell.trim() !== "")) return;
        lead.push({ rowNumber, cells });
        if (lead.length >= LEAD_ROWS) start();
      },
      async () => {
        if (writer) await writer.flush();
      },
      (lastRow) => (declaredRows = lastRow),
    );
    if (!writer) {
      if (lead.length === 0) return null;
      start();
    }
    const done = writer! as NormalizedCsvWriter;
    if (done.rowCount === 0) {
      throw unparseable("The sheet has a header row but no data rows.", { reason: "no_rows", headerRow, columns: (layout! as TableLayout).columns, sheet: sheet.name });
    }
    await done.finish();
    return done.result({ encoding: "utf-8", delimiter: null, headerRow, sheetName: sheet.name, suggestedMapping });
  } catch (error) {
    await (writer as NormalizedCsvWriter | null)?.abort();
    throw error;
  }
}
