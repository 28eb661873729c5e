import { useEffect, useState } from "react";
import { useFetcher } from "react-router";
import type { JobRow } from "../lib/types";
import { variantLetter } from "../lib/variants";

/** What the job page's action answers for a row intent. */
export type RowActionData = { ok: boolean; intent: string; error?: { message: string } };

/** Where a job's row actions are posted, whether a row may be regenerated now, and its lines per row. */
export interface Curation {
  jobId: string;
  canRegenerate: boolean;
  /** Lines per prospect (A/B variants): each is edited on its own. */
  variants: number;
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

/** The form field of a variant's line (the first is `line`, as before variants). */
export const lineField = (variant: number) => (variant === 1 ? "line" : `line_${variant}`);

/**
 * A row's lines, editable in place (one box per variant): Save keeps the user's own lines (marked
 * edited), exported as they are. A variant box left empty keeps that variant as it is.
 */
export function EditableLine({ row, curation, editing, onDone }: { row: JobRow; curation: Curation; editing: boolean; onDone: () => void }) {
  const fetcher = useFetcher<RowActionData>();
  const variants = Math.max(1, curation.variants);
  const [texts, setTexts] = useState(() => Array.from({ length: variants }, (_, i) => row.lines?.[i] ?? (i === 0 ? (row.line ?? "") : "")));
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "row-edit") onDone();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  if (!editing) return row.line ? <q>{row.line}</q> : <span className="muted">{row.reason ?? "—"}</span>;
  const label = (i: number) => (variants === 1 ? `Line for row ${row.row}` : i === 0 ? `Line for row ${row.row}` : `Line ${variantLetter(i)} for row ${row.row}`);
  return (
    <fetcher.Form method="post" action={`/jobs/${encodeURIComponent(curation.jobId)}`} className="line-editor">
      <input type="hidden" name="intent" value="row-edit" />
      <input type="hidden" name="row" value={row.row} />
      <input type="hidden" name="variants" value={variants} />
      {texts.map((text, i) => (
        <div key={i} className="line-editor-variant">
          <label htmlFor={`edit-line-${row.row}-${i + 1}`} className={variants === 1 ? "visually-hidden" : "small"}>
            {variants === 1 ? label(i) : `Line ${variantLetter(i)}`}
          </label>
          <input type="hidden" name={`original_${i + 1}`} value={row.lines?.[i] ?? (i === 0 ? (row.line ?? "") : "")} />
          <textarea
            id={`edit-line-${row.row}-${i + 1}`}
            name={lineField(i + 1)}
            aria-label={label(i)}
            rows={variants === 1 ? 3 : 2}
            maxLength={1000}
            value={text}
            onChange={(event) => setTexts(texts.map((old, j) => (j === i ? event.target.value : old)))}
            required={i === 0}
          />
        </div>
      ))}
      <div className="inline-form">
        <button type="submit" className="button small" disabled={fetcher.state !== "idle" || !texts[0]!.trim()}>
          {fetcher.state !== "idle" ? "Saving…" : variants === 1 ? "Save line" : "Save lines"}
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
        <button type="button" className="button secondary small" disabled={busy} title={curation.variants > 1 ? `Writes all ${curation.variants} lines again: 1 credit per new line that passes the checks; free when none does` : "1 credit when a new line passes the checks; free when it fails"} onClick={() => send({ intent: "row-regenerate" })}>
          {sent.startsWith("row-regenerate") ? "Writing…" : "Regenerate"}
        </button>
      ) : null}
      {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error?.message}</p> : null}
    </div>
  );
}
