import { useEffect } from "react";
import { Link, useFetcher } from "react-router";
import { useIdempotencyKey } from "../../lib/browser";
import { formatNumber, plural } from "../../lib/format";
import type { JobDraft } from "../../lib/job-spec";
import { fieldLabel } from "../../lib/mapping";
import type { BillingCatalogue, Upload } from "../../lib/types";
import { BuyCredits } from "../BuyCredits";
import { CostEstimate } from "../CostEstimate";
import { Notice } from "../Notice";
import type { WizardActionData } from "./types";

export function RunStep({
  upload,
  draft,
  setDraft,
  spec,
  balance,
  catalogue,
  backHref,
}: {
  upload: Upload;
  draft: JobDraft;
  setDraft: (draft: JobDraft) => void;
  spec: object;
  balance: number;
  catalogue: BillingCatalogue | null;
  backHref: string;
}) {
  const fetcher = useFetcher<WizardActionData>();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const busy = fetcher.state !== "idle";
  const result = fetcher.data?.intent === "run" && !fetcher.data.ok ? fetcher.data : null;
  // A failed attempt's answer would be replayed for the same key: the next attempt gets a new one.
  useEffect(() => {
    if (result) renewKey();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const budget = Number.parseInt(draft.maxCredits, 10);
  const details = result?.error.code === "insufficient_credits" ? (result.error.details as { rowCount?: number; needed?: number; balance?: number; missing?: number }) : null;
  // Each A/B variant of a row is a line, charged as one: the run needs rows × variants credits.
  const variants = draft.context.variants ?? 1;
  const credits = upload.rowCount * variants;
  const submit = (extra: Record<string, unknown> = {}) =>
    fetcher.submit({ intent: "run", job: JSON.stringify({ ...spec, ...extra }), idempotencyKey }, { method: "post" });
  const mapped = Object.entries(draft.mapping).map(([key, column]) => `${fieldLabel(key)} ← ${column}`);
  return (
    <div className="step">
      <h2 className="step-title">Run the whole list</h2>
      <dl className="summary">
        <div>
          <dt>File</dt>
          <dd>{upload.filename}</dd>
        </div>
        <div>
          <dt>Prospects</dt>
          <dd>{formatNumber(upload.rowCount)}</dd>
        </div>
        <div>
          <dt>Columns used</dt>
          <dd>{[...mapped, ...draft.extraColumns.map((column) => `${column} (extra)`)].join(", ")}</dd>
        </div>
        <div>
          <dt>Voice</dt>
          <dd>
            {draft.context.tone}, {draft.context.language}, up to {draft.context.maxWords} words
          </dd>
        </div>
      </dl>
      <CostEstimate
        rows={upload.rowCount}
        balance={balance}
        catalogue={catalogue}
        variants={draft.context.variants}
        maxCredits={Number.isFinite(budget) ? budget : null}
        offerPurchase={!details}
      />
      <div className="field budget-field">
        <label htmlFor="max-credits">Stop after this many credits (optional)</label>
        <input
          id="max-credits"
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.maxCredits}
          onChange={(event) => setDraft({ ...draft, maxCredits: event.target.value })}
        />
        <p className="hint">With a budget the run pauses instead of failing when credits run out, and resumes by itself when you add more.</p>
      </div>
      <details className="options">
        <summary>Options: webhook</summary>
        <div className="field">
          <label htmlFor="webhook-url">Webhook URL when the job ends (optional)</label>
          <input
            id="webhook-url"
            type="url"
            placeholder="https://crm.example/hooks/openline"
            value={draft.webhookUrl}
            onChange={(event) => setDraft({ ...draft, webhookUrl: event.target.value })}
          />
        </div>
      </details>
      {details ? (
        <Notice tone="warning" title="Not enough credits for this run">
          <p>
            This run needs {formatNumber(details.needed ?? details.rowCount ?? credits)} credits
            {variants > 1 ? ` (${formatNumber(upload.rowCount)} rows × ${variants} lines)` : ""} and you have {formatNumber(details.balance ?? balance)} (
            {formatNumber(details.missing ?? credits - balance)} short).
          </p>
          <BuyCredits missing={details.missing ?? credits - balance} catalogue={catalogue} />
          {(details.balance ?? balance) > 0 ? (
            <p>
              <button type="button" className="button secondary" disabled={busy || !idempotencyKey} onClick={() => submit({ maxCredits: details.balance ?? balance })}>
                Run with the {formatNumber(details.balance ?? balance)} credits I have
              </button>{" "}
              <span className="muted small">It pauses when they are spent and resumes when you add more.</span>
            </p>
          ) : null}
        </Notice>
      ) : result ? (
        <Notice tone="error" title={result.error.code === "email_not_verified" ? "Confirm your email first" : "The run could not start"}>
          <p>{result.error.message}</p>
        </Notice>
      ) : null}
      <div className="wizard-nav">
        <Link to={backHref} className="button secondary">
          Back
        </Link>
        <MainAction
          rows={upload.rowCount}
          variants={variants}
          balance={balance}
          budget={Number.isFinite(budget) && budget > 0 ? budget : null}
          disabled={busy || !idempotencyKey}
          busy={busy}
          onRun={submit}
        />
      </div>
    </div>
  );
}

/**
 * The run's main button. With enough credits (or a budget) it starts the run; short of credits it
 * runs the first rows the balance covers (a budget: the job pauses there and resumes after a
 * purchase), and with none at all the purchase above is the way on.
 */
function MainAction({ rows, variants, balance, budget, disabled, busy, onRun }: { rows: number; variants: number; balance: number; budget: number | null; disabled: boolean; busy: boolean; onRun: (extra?: Record<string, unknown>) => void }) {
  if (busy) return <button type="button" className="button large" disabled>Starting…</button>;
  const credits = rows * variants;
  if (budget !== null || credits <= balance) {
    return (
      <button type="button" className="button large" disabled={disabled} onClick={() => onRun()}>
        {`Start run · ${plural(budget !== null ? Math.min(budget, credits) : credits, "credit")}`}
      </button>
    );
  }
  const affordable = Math.floor(balance / variants);
  if (affordable <= 0) return <p className="muted small">Buy credits above to start this run.</p>;
  return (
    <button type="button" className="button large" disabled={disabled} onClick={() => onRun({ maxCredits: affordable * variants })}>
      {`Run the first ${plural(affordable, "row")}`}
    </button>
  );
}
