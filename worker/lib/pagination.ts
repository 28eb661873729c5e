/**
 * Keyset pagination over our time-sortable ids: lists are newest first and the cursor is the last
 * id returned, so pages never skip or repeat rows when new ones arrive. Callers fetch `limit + 1`
 * rows; the extra one only says whether there is a next page.
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  idOf: (row: T) => string = (row) => (row as { id: string }).id,
): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? idOf(data[data.length - 1]!) : null };
}
