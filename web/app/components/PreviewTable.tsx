import { useEffect, useState } from "react";
import { pageLabel, researchNote, sourcePages } from "../lib/research";
import type { JobRow } from "../lib/types";
import { variantLetter } from "../lib/variants";
import { EvidenceList } from "./EvidenceList";
import { TableWrap } from "./Notice";
import { EditableLine, RowActions, RowMarks, type Curation } from "./RowCuration";
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

interface RowsTableProps {
  rows: JobRow[];
  mapping?: Record<string, string>;
  label: string;
  /** The lines come from the offline sample model: each says so. */
  sample?: boolean;
  /** Rows can be edited, reviewed and regenerated (the job page). */
  curation?: Curation;
}

/** Rows with their generated lines side by side; below 640 px each row is a card (styles.css). */
export function RowsTable({ rows, mapping, label, sample, curation }: RowsTableProps) {
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
            {curation ? <th scope="col">Review</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <RowLine key={row.row} row={row} mapping={mapping} sample={sample} curation={curation} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A/B variants after the first line (which is the row's line, shown and edited above). */
function OtherVariants({ lines }: { lines?: string[] }) {
  if (!lines || lines.length < 2) return null;
  return (
    <ul className="variant-lines">
      {lines.slice(1).map((line, i) => (
        <li key={i}>
          <span className="row-mark">{variantLetter(i + 1)}</span> <q>{line}</q>
        </li>
      ))}
    </ul>
  );
}

function RowLine({ row, mapping, sample, curation }: { row: JobRow; mapping?: Record<string, string>; sample?: boolean; curation?: Curation }) {
  const [editing, setEditing] = useState(false);
  // A saved edit or a regenerated line comes back with the page's data: the editor closes then.
  useEffect(() => setEditing(false), [row.lines?.join("\n"), row.line, row.edited]);
  return (
    <tr className={row.review ? `row-${row.review}` : undefined}>
      <td className="num" data-label="Row">
        {row.row}
      </td>
      <td data-label="Prospect">{prospectSummary(row.input ?? {}, mapping)}</td>
      <td className="line-cell" data-label="Opening line">
        {curation ? (
          <EditableLine key={editing ? "editing" : "reading"} row={row} curation={curation} editing={editing} onDone={() => setEditing(false)} />
        ) : row.line ? (
          <q>{row.line}</q>
        ) : (
          <span className="muted">{row.reason ?? "—"}</span>
        )}
        <ResearchSources row={row} />
        {row.line && !editing ? <EvidenceList evidence={row.evidence} /> : null}
        {editing ? null : <OtherVariants lines={row.lines} />}
      </td>
      <td data-label="Status">
        <RowStatus status={row.status} />
        {sample && row.line && !row.edited ? <span className="row-mark row-mark-sample">Sample line</span> : null}
        <RowMarks row={row} />
        {row.line && row.reason ? <span className="muted small"> {row.reason}</span> : null}
      </td>
      {curation ? (
        <td data-label="Review">
          <RowActions row={row} curation={curation} onEdit={() => setEditing(true)} />
        </td>
      ) : null}
    </tr>
  );
}

/** The website pages a line cites (links), or why the site was not used. */
function ResearchSources({ row }: { row: JobRow }) {
  const pages = row.line ? sourcePages(row) : [];
  const note = researchNote(row);
  if (pages.length === 0 && !note) return null;
  return (
    <span className="muted small research-sources">
      {" "}
      {pages.length > 0 ? (
        <>
          Source:{" "}
          {pages.map((url, i) => (
            <span key={url}>
              {i > 0 ? ", " : null}
              <a href={url} target="_blank" rel="noopener noreferrer nofollow">
                {pageLabel(url)}
              </a>
            </span>
          ))}
        </>
      ) : (
        note
      )}
    </span>
  );
}
