import type { JobRow } from "../lib/types";
import { TableWrap } from "./Notice";
import { RowStatus } from "./StatusBadge";

const PROSPECT_KEYS = ["full_name", "first_name", "last_name", "title", "company"];

/** A short description of a row's prospect from whatever its input holds. */
export function prospectSummary(input: Record<string, string>, mapping?: Record<string, string>): string {
  const value = (field: string) => (mapping?.[field] ? input[mapping[field]!] : undefined) ?? input[field];
  const name = value("full_name") || [value("first_name"), value("last_name")].filter(Boolean).join(" ");
  const parts = [name, value("title"), value("company")].filter(Boolean);
  if (parts.length > 0) return parts.join(" · ");
  return Object.entries(input)
    .filter(([key]) => !PROSPECT_KEYS.includes(key))
    .slice(0, 3)
    .map(([, cell]) => cell)
    .filter(Boolean)
    .join(" · ");
}

/** Rows with their generated lines side by side. */
export function RowsTable({ rows, mapping, label }: { rows: JobRow[]; mapping?: Record<string, string>; label: string }) {
  return (
    <TableWrap label={label}>
      <table className="table rows-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Prospect</th>
            <th scope="col">Opening line</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <td className="num">{row.row}</td>
              <td>{prospectSummary(row.input ?? {}, mapping)}</td>
              <td className="line-cell">{row.line ? <q>{row.line}</q> : <span className="muted">{row.reason ?? "—"}</span>}</td>
              <td>
                <RowStatus status={row.status} />
                {row.line && row.reason ? <span className="muted small"> {row.reason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
