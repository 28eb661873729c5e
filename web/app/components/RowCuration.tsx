import { useEffect, useState } from "react";
import { useFetcher } from "react-router";
import type { JobRow } from "../lib/types";

/** What the job page's action answers for a row intent. */
export type RowActionData = { ok: boolean; intent: string; error?: { message: string } };

/** Where a job's row actions are posted, and whether a row may be regenerated now. */
export interface Curation {
  jobId: string;
  canRegenerate: boolean;
}

const REVIEW_LABELS = { approved: "Approved", rejected: "Rejected" } as const;

/** The review and edit marks of a row, beside its status. */
export function RowMarks({ row }: { row: JobRow }) {
  return (
    <>
      {row.edited ? <span className="row-mark row-mark-edited">Edited</span> : null}
      {row.review ? <span className={`row-mark row-mark-${row.review}`}>{REVIEW_LABELS[row.review]}</span> : null}
    </>
  );
}

/** A row's line, editable in place: Save keeps the user's own line (marked edited), exported as is. */
export function EditableLine({ row, curation, editing, onDone }: { row: JobRow; curation: Curation; editing: boolean; onDone: () => void }) {
  const fetcher = useFetcher<RowActionData>();
  const [text, setText] = useState(row.line ?? "");
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "row-edit") onDone();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  if (!editing) return row.line ? <q>{row.line}</q> : <span className="muted">{row.reason ?? "—"}</span>;
  const id = `edit-line-${row.row}`;
  return (
    <fetcher.Form method="post" action={`/jobs/${encodeURIComponent(curation.jobId)}`} className="line-editor">
      <input type="hidden" name="intent" value="row-edit" />
      <input type="hidden" name="row" value={row.row} />
      <label htmlFor={id} className="visually-hidden">
        Line for row {row.row}
      </label>
      <textarea id={id} name="line" rows={3} maxLength={1000} value={text} onChange={(event) => setText(event.target.value)} required />
      <div className="inline-form">
        <button type="submit" className="button small" disabled={fetcher.state !== "idle" || !text.trim()}>
          {fetcher.state !== "idle" ? "Saving…" : "Save line"}
        </button>
        <button type="button" className="button secondary small" onClick={onDone}>
          Cancel
        </button>
      </div>
      {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error?.message}</p> : null}
    </fetcher.Form>
  );
}

/** Approve, reject, edit and regenerate buttons of one row. */
export function RowActions({ row, curation, onEdit }: { row: JobRow; curation: Curation; onEdit: () => void }) {
  const fetcher = useFetcher<RowActionData>();
  const busy = fetcher.state !== "idle";
  const sent = busy ? `${fetcher.formData?.get("intent") ?? ""}:${fetcher.formData?.get("review") ?? ""}` : "";
  const send = (fields: Record<string, string>) =>
    fetcher.submit({ row: String(row.row), ...fields }, { method: "post", action: `/jobs/${encodeURIComponent(curation.jobId)}` });
  if (row.status === "pending") return null;
  const review = (mark: "approved" | "rejected", label: string, undo: string) => (
    <button
      type="button"
      className={`button secondary small review-${mark}`}
      disabled={busy}
      aria-pressed={row.review === mark}
      onClick={() => send({ intent: "row-review", review: row.review === mark ? "" : mark })}
    >
      {sent === `row-review:${row.review === mark ? "" : mark}` ? "…" : row.review === mark ? undo : label}
    </button>
  );
  return (
    <div className="row-actions" role="group" aria-label={`Row ${row.row}`}>
      {review("approved", "Approve", "Unapprove")}
      {review("rejected", "Reject", "Unreject")}
      <button type="button" className="button secondary small" onClick={onEdit} disabled={busy}>
        Edit
      </button>
      {curation.canRegenerate ? (
        <button type="button" className="button secondary small" disabled={busy} title="1 credit when a new line passes the checks; free when it fails" onClick={() => send({ intent: "row-regenerate" })}>
          {sent.startsWith("row-regenerate") ? "Writing…" : "Regenerate"}
        </button>
      ) : null}
      {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error?.message}</p> : null}
    </div>
  );
}
