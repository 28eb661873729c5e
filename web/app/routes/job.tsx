import { useEffect, useRef, useState } from "react";
import { data, Link, useFetcher } from "react-router";
import { LocalTime } from "../components/LocalTime";
import type { Route } from "./+types/job";
import { BuyCredits } from "../components/BuyCredits";
import { JobProgress } from "../components/JobProgress";
import { Notice } from "../components/Notice";
import { JobRows, ROW_FILTERS } from "../components/JobRows";
import { SampleModelNotice } from "../components/SampleModelNotice";
import { StatusBadge } from "../components/StatusBadge";
import { callApi, field, loadFromApi, loadOptional, loginRedirect } from "../lib/api.server";
import { formatNumber } from "../lib/format";
import { rowsPageOf } from "../lib/job-spec";
import { isTerminal } from "../lib/progress";
import type { ApiErrorBody, BillingCatalogue, Job, Upload } from "../lib/types";
import { useLiveJob } from "../lib/use-live-job";
import { lineColumnNames, writtenSummary } from "../lib/variants";
import { readForm } from "../lib/form.server";
import { isRowIntent, rowAction, type RowIntent } from "../lib/row-actions.server";

const ROWS_PER_PAGE = 25;
const ACTIONS = ["pause", "resume", "cancel", "retry-failed"] as const;
type JobAction = (typeof ACTIONS)[number];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.upload?.filename ?? "Job"} · Openline` }];

export async function loader(args: Route.LoaderArgs) {
  const id = encodeURIComponent(args.params.jobId);
  const params = new URL(args.request.url).searchParams;
  const offset = Math.max(0, Number.parseInt(params.get("offset") ?? "0", 10) || 0);
  const status = params.get("status");
  const q = params.get("q")?.trim();
  const query: Record<string, string | number> = { offset, limit: ROWS_PER_PAGE };
  if (status && ROW_FILTERS.some(([value]) => value === status)) query.status = status;
  if (q) query.q = q.slice(0, 200);
  const job = await loadFromApi(args, (api) => api.GET("/v1/jobs/{id}", { params: { path: { id } } }));
  // The packs and their prices, only where a purchase is offered: a job paused because credits ran out.
  const pausedForBudget = job.status === "paused" && job.pauseReason === "budget";
  const [rows, upload, catalogue] = await Promise.all([
    // The filter goes as chosen above (a status from ROW_FILTERS).
    loadOptional(args, (api) => api.GET("/v1/jobs/{id}/rows", { params: { path: { id }, query: query as { offset: number; limit: number } } })),
    loadOptional(args, (api) => api.GET("/v1/uploads/{id}", { params: { path: { id: job.uploadId } } })),
    pausedForBudget ? loadOptional(args, (api) => api.GET("/v1/billing/plans")) : null,
  ]);
  return { job, rows: rows === null ? null : rowsPageOf(rows, ROWS_PER_PAGE), offset, upload, catalogue };
}

export type JobActionData = { ok: true; intent: JobAction | RowIntent } | { ok: false; intent: string; error: ApiErrorBody };

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  if (isRowIntent(intent)) return rowAction(args, intent, form);
  if (!(ACTIONS as readonly string[]).includes(intent)) {
    return data<JobActionData>({ ok: false, intent, error: { code: "invalid_request", message: "Unknown action.", details: {} } }, { status: 400 });
  }
  const result = await callApi(args, (api) => api.POST(`/v1/jobs/{id}/${intent as JobAction}`, { params: { path: { id: args.params.jobId } } }));
  if (result.ok) return { ok: true, intent: intent as JobAction } satisfies JobActionData;
  if (result.status === 401) throw loginRedirect(args.request);
  return data<JobActionData>({ ok: false, intent, error: result.error }, { status: result.status });
}

/** When the job's files go (retention), or that they went: the rows and downloads then answer 410. */
function FilesRetention({ job }: { job: Job }) {
  if (job.filesDeletedAt) {
    return (
      <span data-testid="files-retention">
        {" "}
        · files deleted <LocalTime iso={job.filesDeletedAt} />; counts and charges are kept
      </span>
    );
  }
  if (!job.filesExpireAt) return null;
  return (
    <span data-testid="files-retention">
      {" "}
      · files kept until <LocalTime iso={job.filesExpireAt} />
    </span>
  );
}

const CONNECTION_TEXT = { connecting: "Connecting for live updates…", live: "Live", polling: "Updating every few seconds", idle: "" } as const;

export default function JobPage({ loaderData }: Route.ComponentProps) {
  const { rows, offset, upload, catalogue } = loaderData;
  const { job, connection, rate, eta } = useLiveJob(loaderData.job);
  const title = upload?.filename ?? `Job ${job.id}`;
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span>
      </p>
      <div className="page-head">
        <h1>{title}</h1>
        <StatusBadge status={job.status} />
        {job.mode === "preview" ? <span className="tag">Preview</span> : null}
      </div>
      <p className="muted small">
        Started <LocalTime iso={job.startedAt ?? job.createdAt} />
        {job.finishedAt ? (
          <>
            {" "}
            · finished <LocalTime iso={job.finishedAt} />
          </>
        ) : null}
        <FilesRetention job={loaderData.job} />
        {!isTerminal(job.status) && CONNECTION_TEXT[connection] ? (
          <span className={`connection connection-${connection}`}> · {CONNECTION_TEXT[connection]}</span>
        ) : null}
      </p>

      <SampleModelNotice model={job.model} />
      <div className="panel">
        <JobProgress job={job} rate={rate} eta={eta} />
        <JobNotices job={job} catalogue={catalogue} />
        <JobControls job={job} />
      </div>

      <h2>Rows</h2>
      <JobRows job={job} page={rows} offset={offset} perPage={ROWS_PER_PAGE} />
    </section>
  );
}

function JobNotices({ job, catalogue }: { job: Job; catalogue: BillingCatalogue | null }) {
  if (job.status === "failed") {
    return (
      <Notice tone="error" title="This job failed">
        <p>{job.error?.message ?? "It stopped before finishing."} Rows that were written are kept and can be downloaded; failed rows cost nothing.</p>
      </Notice>
    );
  }
  if (job.status === "paused" && job.pauseReason === "budget") {
    const missing = Math.max(1, job.total - job.processed);
    return (
      <Notice tone="warning" title="Paused: the credits ran out">
        <p>
          {formatNumber(missing)} rows are left. Buy credits and the job resumes by itself as soon as they arrive: nothing else to click, and
          nothing is charged twice.
        </p>
        <BuyCredits missing={missing} catalogue={catalogue} />
      </Notice>
    );
  }
  if (job.status === "paused") return <Notice tone="info">Paused. Nothing is written or charged until you resume.</Notice>;
  if (job.status === "canceled") {
    return (
      <Notice tone="info">
        Canceled after {formatNumber(job.processed)} of {formatNumber(job.total)} rows. What was written is kept; the held credits for the rest were released.
      </Notice>
    );
  }
  if (job.status === "succeeded") {
    return (
      <Notice tone="success">
        Done: {writtenSummary(job)}
        {job.failed > 0 ? `, ${formatNumber(job.failed)} rows failed (not charged)` : ""}.
      </Notice>
    );
  }
  return null;
}

function JobControls({ job }: { job: Job }) {
  const fetcher = useFetcher<JobActionData>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const busy = fetcher.state !== "idle";
  const pending = busy ? fetcher.formData?.get("intent") : null;
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  useEffect(() => {
    if (confirmCancel) cancelButton.current?.focus();
  }, [confirmCancel]);
  useEffect(() => {
    if (isTerminal(job.status)) setConfirmCancel(false);
  }, [job.status]);
  const button = (intent: JobAction, label: string, busyLabel: string, tone = "secondary") => (
    <button type="submit" name="intent" value={intent} className={`button ${tone}`} disabled={busy}>
      {pending === intent ? busyLabel : label}
    </button>
  );
  const canDownload = job.mode === "full" && (isTerminal(job.status) || job.status === "paused") && job.processed > 0;
  return (
    <div className="controls">
      <fetcher.Form method="post" className="inline-form">
        {job.status === "running" || job.status === "queued" ? button("pause", "Pause", "Pausing…") : null}
        {job.status === "paused" ? button("resume", "Resume", "Resuming…", "") : null}
        {!isTerminal(job.status) && !confirmCancel ? (
          <button type="button" className="button danger-outline" onClick={() => setConfirmCancel(true)} disabled={busy}>
            Cancel run
          </button>
        ) : null}
        {isTerminal(job.status) && job.failed > 0 ? button("retry-failed", `Retry ${formatNumber(job.failed)} failed rows`, "Retrying…") : null}
      </fetcher.Form>
      {confirmCancel && !isTerminal(job.status) ? (
        <fetcher.Form method="post" className="confirm" role="group" aria-label="Confirm cancel">
          <p>Stop this run? Lines written so far are kept (and charged); the credits held for the rest are released.</p>
          <button ref={cancelButton} type="submit" name="intent" value="cancel" className="button danger" disabled={busy}>
            {pending === "cancel" ? "Canceling…" : "Yes, cancel the run"}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirmCancel(false)}>
            Keep running
          </button>
        </fetcher.Form>
      ) : null}
      {canDownload ? (
        <p className="downloads">
          <a className="button" href={`/jobs/${encodeURIComponent(job.id)}/download?format=csv`}>
            Download CSV
          </a>
          <a className="button secondary" href={`/jobs/${encodeURIComponent(job.id)}/download?format=xlsx`}>
            Download XLSX
          </a>
          <a className="button secondary" href={`/jobs/${encodeURIComponent(job.id)}/download?format=csv&review=approved`}>
            Download approved rows
          </a>
          <a className="button secondary" href={`/jobs/${encodeURIComponent(job.id)}/download?format=csv&include=evidence`}>
            CSV with evidence
          </a>
          <span className="muted small" data-testid="download-hint">
            Your columns in their order, plus {lineColumnNames(job.variants)}, then line_status (your edits included). Opens cleanly in Excel.
          </span>
        </p>
      ) : null}
      {error ? (
        <Notice tone="error" title="That didn't work">
          <p>{error.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
