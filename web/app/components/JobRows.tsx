import { Form, Link, useSearchParams } from "react-router";
import { formatNumber } from "../lib/format";
import { isTerminal } from "../lib/progress";
import { isSampleModel } from "../lib/sample-model";
import type { Job, JobRow } from "../lib/types";
import { EmptyState, Notice } from "./Notice";
import { RowsTable } from "./PreviewTable";
import type { Curation } from "./RowCuration";

export const ROW_FILTERS = [
  ["", "All rows"],
  ["generated", "Generated"],
  ["failed", "Failed"],
  ["edited", "Edited"],
  ["approved", "Approved"],
  ["rejected", "Rejected"],
] as const;

export interface RowsPage {
  rows: JobRow[];
  hasMore: boolean;
  total: number | null;
  nextOffset: number | null;
}

/** The job's rows: filter by status, search by name or company, page through, and curate each row. */
export function JobRows({ job, page, offset, perPage }: { job: Job; page: RowsPage | null; offset: number; perPage: number }) {
  const [params] = useSearchParams();
  const status = params.get("status") ?? "";
  const q = params.get("q") ?? "";
  const filtered = Boolean(status || q);
  const link = (at: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), offset: String(at) })}`;
  const curation = job.mode === "full" ? { jobId: job.id, canRegenerate: isTerminal(job.status), variants: job.variants ?? 1 } : undefined;
  return (
    <>
      {job.mode === "full" ? (
        <Form key={`${status}|${q}`} method="get" className="rows-filter inline-form" preventScrollReset>
          <label htmlFor="rows-status">Show</label>
          <select id="rows-status" name="status" defaultValue={status}>
            {ROW_FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="rows-q" className="visually-hidden">
            Search by name or company
          </label>
          <input id="rows-q" name="q" type="search" defaultValue={q} placeholder="Search name or company" maxLength={200} />
          <button type="submit" className="button secondary small">
            Filter
          </button>
          {filtered ? (
            <Link to="?" className="small" preventScrollReset>
              Clear
            </Link>
          ) : null}
        </Form>
      ) : null}
      <RowsBody job={job} page={page} offset={offset} perPage={perPage} filtered={filtered} link={link} curation={curation} />
    </>
  );
}

function RowsBody({
  job,
  page,
  offset,
  perPage,
  filtered,
  link,
  curation,
}: {
  job: Job;
  page: RowsPage | null;
  offset: number;
  perPage: number;
  filtered: boolean;
  link: (offset: number) => string;
  curation?: Curation;
}) {
  if (page === null) return <Notice tone="warning">The rows could not be loaded right now. They will show up when you reload the page.</Notice>;
  const { rows, hasMore, total, nextOffset } = page;
  if (rows.length === 0 && offset === 0) {
    if (filtered) return <EmptyState title="No rows match.">{hasMore ? <Link to={link(nextOffset ?? 0)}>Look further →</Link> : null}</EmptyState>;
    return (
      <EmptyState title={isTerminal(job.status) ? "No rows were written." : "No rows yet."}>
        <p className="muted">{isTerminal(job.status) ? "" : "Rows appear here as they are written."}</p>
      </EmptyState>
    );
  }
  return (
    <>
      {rows.length > 0 ? (
        <RowsTable rows={rows} mapping={job.mapping} sample={isSampleModel(job.model)} curation={curation} label="Rows with their opening lines" />
      ) : (
        <p className="muted">No more rows{filtered ? " match here" : ""}.</p>
      )}
      <nav className="pager" aria-label="Rows pages">
        {offset > 0 ? (
          <Link to={link(filtered ? 0 : Math.max(0, offset - perPage))} preventScrollReset>
            {filtered ? "← First page" : `← Previous ${perPage}`}
          </Link>
        ) : (
          <span />
        )}
        <span className="muted small">
          {filtered
            ? `${formatNumber(rows.length)} matching rows${total !== null ? ` (of ${formatNumber(total)})` : ""}`
            : `Rows ${formatNumber(offset + 1)}–${formatNumber(offset + rows.length)}${total !== null ? ` of ${formatNumber(total)}` : ""}`}
        </span>
        {hasMore ? (
          <Link to={link(nextOffset ?? offset + perPage)} preventScrollReset>
            Next {filtered ? "matches" : perPage} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
