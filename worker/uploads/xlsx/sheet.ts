import { cellTooLarge, LIMITS, tooManyColumns } from "../limits";
import { formatNumber } from "./numfmt";
import type { SharedStrings } from "./shared-strings";
import { attribute, decodeEntities, decodeOoxmlEscapes, scanXml, StopScan, type XmlHandler } from "./xml";

export interface SheetContext {
  strings: SharedStrings;
  /** Number format code per style index. */
  formats: string[];
  date1904: boolean;
}

/**
 * Streams a worksheet's rows to `onRow` as the text Excel shows in each cell: shared and inline strings,
 * numbers and dates through their number format, booleans as TRUE/FALSE, formulas as their cached
 * value. Stops at `</sheetData>`. `afterChunk` runs between inflated chunks (to flush output).
 * `onDimension` gets the last row of the used range the sheet declares (`<dimension ref="A1:L500">`,
 * written before the rows), when it declares one.
 */
export async function readSheetRows(
  stream: ReadableStream<Uint8Array>,
  part: string,
  context: SheetContext,
  onRow: (rowNumber: number, cells: string[]) => void,
  afterChunk: () => Promise<void>,
  onDimension?: (lastRow: number) => void,
): Promise<void> {
  let rowNumber = 0;
  let cells: string[] = [];
  let rowChars = 0;
  let column = -1;
  let type = "";
  let style = 0;
  let value = "";
  let inline = "";
  let inInline = false;
  let phonetic = false;
  let capture: "v" | "t" | null = null;
  let hasValue = false;

  const handler: XmlHandler = {
    wantsText: false,
    open(name, tag) {
      switch (name) {
        case "dimension": {
          const lastRow = Number(/(\d+)\s*$/.exec(attribute(tag, "ref") ?? "")?.[1] ?? 0);
          if (lastRow > 0) onDimension?.(lastRow);
          break;
        }
        case "row": {
          const r = attribute(tag, "r");
          rowNumber = r ? Number(r) : rowNumber + 1;
          cells = [];
          rowChars = 0;
          column = -1;
          break;
        }
        case "c": {
          const ref = attribute(tag, "r");
          const fromRef = ref ? columnIndex(ref) : -1;
          column = fromRef >= 0 ? fromRef : column + 1;
          type = attribute(tag, "t") ?? "n";
          style = Number(attribute(tag, "s") ?? 0);
          value = "";
          inline = "";
          hasValue = false;
          break;
        }
        case "v":
          capture = "v";
          hasValue = true;
          handler.wantsText = true;
          break;
        case "is":
          inInline = true;
          hasValue = true;
          break;
        case "rPh":
          phonetic = true;
          break;
        case "t":
          if (inInline && !phonetic) {
            capture = "t";
            handler.wantsText = true;
          }
          break;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          capture = null;
          handler.wantsText = false;
          break;
        case "rPh":
          phonetic = false;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          if (!hasValue) break;
          const text = cellText(type, value, inline, style, context);
          if (text === "") break;
          if (column >= LIMITS.maxColumns) throw tooManyColumns(column + 1, true);
          rowChars += text.length;
          if (rowChars > LIMITS.maxRowBytes) throw cellTooLarge(`${columnName(column)}${rowNumber}`);
          cells[column] = text;
          break;
        }
        case "row":
          if (cells.length > 0) {
            for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = "";
            onRow(rowNumber, cells);
          }
          break;
        case "sheetData":
          throw new StopScan();
      }
    },
    text(raw, cdata) {
      const decoded = cdata ? raw : decodeEntities(raw);
      if (capture === "v") value += decoded;
      else if (capture === "t") inline += decoded;
      if (value.length + inline.length > LIMITS.maxRowBytes) throw cellTooLarge(`${columnName(column)}${rowNumber}`);
    },
  };
  await scanXml(stream, part, handler, {
    maxPendingChars: LIMITS.maxRowBytes * 2,
    onPendingTooLarge: () => cellTooLarge(`${columnName(Math.max(column, 0))}${rowNumber}`),
    afterChunk,
  });
}

function cellText(type: string, value: string, inline: string, style: number, context: SheetContext): string {
  switch (type) {
    case "s":
      return context.strings.get(Number(value));
    case "inlineStr":
      return decodeOoxmlEscapes(inline);
    case "str":
      return decodeOoxmlEscapes(value);
    case "b":
      return value.trim() === "1" || value.trim().toLowerCase() === "true" ? "TRUE" : "FALSE";
    case "e":
    case "d":
      return value;
    default: {
      const trimmed = value.trim();
      if (trimmed === "") return "";
      const number = Number(trimmed);
      return Number.isFinite(number) ? formatNumber(number, context.formats[style] ?? "General", context.date1904) : trimmed;
    }
  }
}

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
