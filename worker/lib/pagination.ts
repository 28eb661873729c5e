/**
 * Keyset pagination over our time-sortable ids: lists are newest first and the cursor is the last
 * id returned, so pages never skip or repeat rows when new ones arrive.
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1]!.id : null };
}
