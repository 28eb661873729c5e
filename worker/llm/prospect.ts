import { companyFromEmail } from "./email-company";
import type { ProspectRow } from "./types";

/** Longest cell text sent to the model: a long "About" cell should not cost a page of tokens. */
export const MAX_CELL_CHARS = 600;

/**
 * Builds what the model sees of one row: mapped fields under their mapping names (`company`,
 * `first_name`, …), then extra columns under their own header. Empty cells are left out. A list
 * without a company column gets the company from the work email's domain.
 */
export function toProspect(
  rowNumber: number,
  columns: string[],
  cells: string[],
  mapping: Record<string, string>,
  extraColumns: string[],
): ProspectRow {
  const fields: Record<string, string> = {};
  const cellOf = (column: string) => {
    const index = columns.indexOf(column);
    return index === -1 ? "" : (cells[index] ?? "").trim().slice(0, MAX_CELL_CHARS);
  };
  const mappedColumns = new Set<string>();
  for (const [field, column] of Object.entries(mapping)) {
    mappedColumns.add(column);
    const value = cellOf(column);
    if (value) fields[field] = value;
  }
  if (!mapping.company && fields.email) {
    const company = companyFromEmail(fields.email);
    if (company) fields.company = company;
  }
  for (const column of extraColumns) {
    if (mappedColumns.has(column)) continue;
    const value = cellOf(column);
    if (!value) continue;
    const name = column in fields || column in mapping || column === "service" ? `${column} (column)` : column;
    fields[name] = value;
  }
  return { id: String(rowNumber), fields };
}
