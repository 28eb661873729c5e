import { CsvParseError, parseCsv } from "../csv/parse";
import { ApiError } from "../lib/errors";
import { headerTooLarge, LIMITS, tooManyColumns, unparseable } from "./limits";
import { isEmail, isLinkedInUrl, isNumeric, isUrl } from "./values";

/**
 * The shape of a table read from its first rows: which delimiter, which row is the header (title and
 * blank rows above it are skipped), and the column names.
 */
export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Parses the sniffed start of a CSV. When `complete` is false the text is cut mid-file: the last record
 * may be cut too and is dropped, and a quote left open by the cut ends the text before its line.
 */
export function parseSniffText(text: string, delimiter: string, complete: boolean): string[][] {
  try {
    const rows = parseCsv(text, delimiter);
    if (!complete && rows.length > 1) rows.pop();
    return rows;
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    if (complete) throw unterminatedQuote(error.line);
    const cut = offsetOfLine(text, error.line);
    return cut > 0 ? parseSniffText(text.slice(0, cut), delimiter, true) : [];
  }
}

export const unterminatedQuote = (line: number) =>
  unparseable(`A quoted field starting on line ${line} is never closed (a " is missing).`, { reason: "unterminated_quote", line });

function offsetOfLine(text: string, line: number): number {
  let current = 1;
  for (let i = 0; i < text.length && current < line; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      current++;
      if (current === line) return i + 1;
    }
  }
  return current === line ? 0 : text.length;
}

const nonEmptyCount = (row: string[]) => row.reduce((count, cell) => (cell.trim() === "" ? count : count + 1), 0);
export const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === "");
const lastNonEmpty = (row: string[]) => {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]!.trim() !== "") return i;
  return -1;
};

/**
 * The delimiter that splits the first rows most consistently: for each candidate, the most common
 * number of fields (≥ 2) and how many rows have it. A consistent candidate (≥ 80 % of rows) with the
 * most fields wins; otherwise the most consistent. The first character seen decides nothing.
 */
export function detectDelimiter(text: string, complete: boolean): Delimiter {
  type Candidate = { delimiter: Delimiter; fields: number; consistency: number };
  let best: Candidate | null = null as Candidate | null;
  let bestConsistent: Candidate | null = null as Candidate | null;
  for (const delimiter of DELIMITERS) {
    let parsed: string[][];
    try {
      parsed = parseSniffText(text, delimiter, complete);
    } catch (error) {
      // Split the wrong way, a file can open quotes it never closes: that candidate just loses.
      if (error instanceof ApiError && error.details.reason === "unterminated_quote") continue;
      throw error;
    }
    const rows = parsed.filter((row) => !isBlankRow(row)).slice(0, 200);
    if (rows.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const row of rows) frequency.set(row.length, (frequency.get(row.length) ?? 0) + 1);
    let fields = 0;
    let count = 0;
    for (const [length, seen] of frequency) {
      if (seen > count || (seen === count && length > fields)) [fields, count] = [length, seen];
    }
    if (fields < 2) continue;
    const candidate = { delimiter, fields, consistency: count / rows.length };
    if (candidate.consistency >= 0.8 && (!bestConsistent || fields > bestConsistent.fields)) bestConsistent = candidate;
    if (!best || candidate.consistency > best.consistency || (candidate.consistency === best.consistency && fields > best.fields)) {
      best = candidate;
    }
  }
  return (bestConsistent ?? best)?.delimiter ?? ",";
}

export interface TableLayout {
  /** Index (0-based, blank rows included) of the header in the rows given; -1 when there is no header. */
  headerIndex: number;
  columns: string[];
  /** True when the first row already held data: columns are named `Column 1`… and no row is skipped. */
  headerless: boolean;
  /** Cells the header names (up to its last non-empty one): a row with fewer is ragged. */
  headerWidth: number;
}

/**
 * Finds the header among the first rows: the first non-blank row that names at least half as many
 * columns as the widest row and reads like labels (not emails, URLs or numbers). Rows above it are
 * titles. When the only candidate holds data (an email or a LinkedIn URL), the file has no header.
 * Data rows in `rows` with filled cells right of the header add columns (`Column 5`), so nothing in
 * them is lost.
 */
export function detectLayout(rows: string[][]): TableLayout {
  const window = rows.slice(0, LIMITS.headerSearchRows);
  const widest = Math.max(0, ...window.map(nonEmptyCount));
  if (widest === 0) throw unparseable("The file has no data: every row is empty.", { reason: "empty" });
  const needed = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest / 2));
  let headerIndex = window.findIndex((row) => nonEmptyCount(row) >= needed && looksLikeLabels(row));
  if (headerIndex === -1) headerIndex = window.findIndex((row) => nonEmptyCount(row) >= needed);
  const header = rows[headerIndex]!;
  const headerless = header.some((cell) => isEmail(cell) || isLinkedInUrl(cell));

  const dataRows = rows.slice(headerless ? headerIndex : headerIndex + 1);
  let width = headerless ? 0 : lastNonEmpty(header) + 1;
  for (const row of dataRows) width = Math.max(width, lastNonEmpty(row) + 1);
  if (width > LIMITS.maxColumns) throw tooManyColumns(width);
  const names = Array.from({ length: width }, (_, i) => (headerless ? "" : (header[i] ?? "")));
  const columns = uniqueColumnNames(names);
  const headerChars = columns.reduce((sum, name) => sum + name.length, 0);
  if (headerChars > LIMITS.maxHeaderChars) throw headerTooLarge(headerChars);
  return { headerIndex: headerless ? -1 : headerIndex, columns, headerless, headerWidth: headerless ? width : lastNonEmpty(header) + 1 };
}

function looksLikeLabels(row: string[]): boolean {
  const cells = row.map((cell) => cell.trim()).filter(Boolean);
  const dataLike = cells.filter((cell) => isEmail(cell) || isUrl(cell) || isNumeric(cell)).length;
  return dataLike <= cells.length * 0.2;
}

/** Trimmed, non-empty (`Column 3`), at most 256 characters and unique (`Email (2)`). */
export function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.replace(/\s+/g, " ").trim().slice(0, LIMITS.maxColumnNameChars) || `Column ${i + 1}`;
    if (seen.has(name.toLowerCase())) {
      let n = 2;
      while (seen.has(`${name} (${n})`.toLowerCase())) n++;
      name = `${name} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}
