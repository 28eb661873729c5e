import type { OutputPlan } from "./room/contract";
import { loadOverrides, matchesFilter, type RowFilter } from "./row-overrides";
import { readChunkRows, type JobRow } from "./rows";

/** Rows one filtered request looks through at most, so a rare match in a huge job costs a bounded read. */
export const MAX_SCANNED_ROWS = 5_000;
const CHUNKS_AT_ONCE = 4;

export interface RowSearch {
  filter?: RowFilter;
  /** Words searched (case- and accent-insensitive) in the prospect's name and company. */
  q?: string;
  mapping: Record<string, string>;
}

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The name and company cells of a row, where `q` is looked for. */
function searchedText(row: JobRow, mapping: Record<string, string>): string {
  const fields = ["full_name", "first_name", "last_name", "company"];
  return fold(fields.map((field) => (mapping[field] ? (row.input[mapping[field]!] ?? "") : "")).join(" "));
}

export function matchesSearch(row: JobRow, search: RowSearch): boolean {
  if (!matchesFilter(row, search.filter)) return false;
  if (!search.q) return true;
  const haystack = searchedText(row, search.mapping);
  return fold(search.q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * Matching rows after row `offset`, at most `limit`, looking through at most MAX_SCANNED_ROWS rows.
 * `nextOffset` is where the next page's scan starts (a row count, like `offset`), or null at the end:
 * a page may hold fewer than `limit` rows and still have a next one.
 */
export async function searchJobRows(
  env: Env,
  jobId: string,
  plan: OutputPlan,
  offset: number,
  limit: number,
  search: RowSearch,
): Promise<{ data: JobRow[]; nextOffset: number | null }> {
  const overrides = await loadOverrides(env, jobId);
  const chunks = plan.chunks.filter((chunk) => chunk.firstRow + chunk.rowCount - 1 > offset);
  const data: JobRow[] = [];
  let scannedTo = offset;
  for (let i = 0; i < chunks.length; i += CHUNKS_AT_ONCE) {
    const batch = await Promise.all(chunks.slice(i, i + CHUNKS_AT_ONCE).map((chunk) => readChunkRows(env, plan, chunk, overrides)));
    for (const row of batch.flat()) {
      if (row.row <= offset) continue;
      scannedTo = row.row;
      if (matchesSearch(row, search)) data.push(row);
      if (data.length === limit || scannedTo - offset >= MAX_SCANNED_ROWS) {
        return { data, nextOffset: scannedTo < plan.total ? scannedTo : null };
      }
    }
  }
  return { data, nextOffset: null };
}
