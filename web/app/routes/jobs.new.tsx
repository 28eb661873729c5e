import { useEffect, useRef, useState } from "react";
import { data, Link, redirect, useFetcher, useNavigate, useSearchParams, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/jobs.new";
import { ContextForm, contextProblems, DEFAULT_CONTEXT } from "../components/ContextForm";
import { CostEstimate } from "../components/CostEstimate";
import { BuyCredits } from "../components/BuyCredits";
import { DoctorFindings } from "../components/DoctorFindings";
import { MappingEditor } from "../components/MappingEditor";
import { Notice } from "../components/Notice";
import { RowsTable } from "../components/PreviewTable";
import { Stepper } from "../components/Stepper";
import { UploadDropzone } from "../components/UploadDropzone";
import { callApi, field, loadFromApi, loadOptional, loginRedirect } from "../lib/api.server";
import { useIdempotencyKey } from "../lib/browser";
import { sessionContext } from "../lib/context.server";
import { formatNumber, plural } from "../lib/format";
import { fieldLabel, fittingProfiles, initialMapping, mappingProblems, type Mapping } from "../lib/mapping";
import { buildJobSpec, previewResultsOf, jobIdOf, type JobDraft } from "../lib/job-spec";
import type { ApiErrorBody, BillingCatalogue, JobRow, MappingProfile, Page, Upload } from "../lib/types";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "New job · Openline" }];

const STEPS = [
  { id: "file", label: "Upload" },
  { id: "map", label: "Map columns" },
  { id: "context", label: "Context" },
  { id: "preview", label: "Preview" },
  { id: "run", label: "Run" },
] as const;
type StepId = (typeof STEPS)[number]["id"];
const isStep = (value: string | null): value is StepId => STEPS.some((step) => step.id === value);

export async function loader(args: Route.LoaderArgs) {
  const uploadId = new URL(args.request.url).searchParams.get("upload");
  const user = args.context.get(sessionContext).user!;
  const cataloguePromise = loadOptional<BillingCatalogue>(args, "/v1/billing/plans");
  if (!uploadId) return { upload: null, profiles: [] as MappingProfile[], balance: user.credits.balance, catalogue: await cataloguePromise };
  const [upload, profiles, catalogue] = await Promise.all([
    loadFromApi<Upload>(args, `/v1/uploads/${encodeURIComponent(uploadId)}`),
    loadOptional<Page<MappingProfile>>(args, "/v1/mapping-profiles?limit=100"),
    cataloguePromise,
  ]);
  return { upload, profiles: profiles?.data ?? [], balance: user.credits.balance, catalogue };
}

/** Moving between steps only changes `?step=`, and a preview is free and changes nothing here: nothing to reload. */
export function shouldRevalidate({ currentUrl, nextUrl, formMethod, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if ((actionResult as WizardActionData | undefined)?.intent === "preview") return false;
  const sameUpload = currentUrl.pathname === nextUrl.pathname && currentUrl.searchParams.get("upload") === nextUrl.searchParams.get("upload");
  return !formMethod && sameUpload ? false : defaultShouldRevalidate;
}

export type WizardActionData =
  | { intent: "save-profile"; ok: true; profile: MappingProfile }
  | { intent: "preview"; ok: true; results: JobRow[] }
  | { intent: string; ok: false; error: ApiErrorBody };

const failure = (intent: string, error: ApiErrorBody, status: number) => data<WizardActionData>({ intent, ok: false, error }, { status });

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  let payload: unknown;
  try {
    payload = JSON.parse(field(form, intent === "save-profile" ? "mapping" : "job") || "null");
  } catch {
    payload = null;
  }
  if (!payload || typeof payload !== "object") {
    return failure(intent, { code: "invalid_request", message: "The form could not be read; reload the page and try again.", details: {} }, 400);
  }
  if (intent === "save-profile") {
    const result = await callApi<MappingProfile>(args, "/v1/mapping-profiles", { method: "POST", json: { name: field(form, "name"), mapping: payload } });
    if (!result.ok) return result.status === 401 ? loginRedirect(args.request) : failure(intent, result.error, result.status);
    return { intent, ok: true, profile: result.data } satisfies WizardActionData;
  }
  if (intent !== "preview" && intent !== "run") return failure(intent, { code: "invalid_request", message: "Unknown action.", details: {} }, 400);
  const body = intent === "preview" ? { ...payload, mode: "preview", previewRows: 5 } : { ...payload, mode: "full" };
  const result = await callApi<unknown>(args, "/v1/jobs", {
    method: "POST",
    json: body,
    idempotencyKey: intent === "run" ? field(form, "idempotencyKey") || undefined : undefined,
  });
  if (!result.ok) return result.status === 401 ? loginRedirect(args.request) : failure(intent, result.error, result.status);
  if (intent === "run") return redirect(`/jobs/${jobIdOf(result.data)}`);
  return { intent, ok: true, results: previewResultsOf(result.data) } satisfies WizardActionData;
}

export default function NewJob({ loaderData }: Route.ComponentProps) {
  const navigate = useNavigate();
  if (!loaderData.upload) {
    return (
      <section className="page wizard">
        <h1>New job</h1>
        <Stepper steps={[...STEPS]} current="file" reachable={() => false} hrefFor={() => ""} />
        <h2 className="step-title">Upload your prospect list</h2>
        <UploadDropzone onUploaded={(upload) => navigate(`/jobs/new?upload=${encodeURIComponent(upload.id)}&step=file`)} />
      </section>
    );
  }
  return <Wizard key={loaderData.upload.id} {...loaderData} upload={loaderData.upload} />;
}

const LAST_CONTEXT_KEY = "openline:last-context";

function initialDraft(upload: Upload): JobDraft {
  return { mapping: initialMapping(upload), extraColumns: [], context: { ...DEFAULT_CONTEXT }, maxCredits: "", webhookUrl: "" };
}

/** The wizard's answers, kept in sessionStorage per upload so a reload or a trip to checkout loses nothing. */
function useDraft(upload: Upload): [JobDraft, (draft: JobDraft) => void] {
  const key = `openline:draft:${upload.id}`;
  const [draft, setDraft] = useState<JobDraft>(() => initialDraft(upload));
  const restored = useRef(false);
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(key);
      const lastContext = localStorage.getItem(LAST_CONTEXT_KEY);
      if (saved) setDraft({ ...initialDraft(upload), ...(JSON.parse(saved) as Partial<JobDraft>) });
      else if (lastContext) setDraft((current) => ({ ...current, context: { ...DEFAULT_CONTEXT, ...(JSON.parse(lastContext) as object) } }));
    } catch {
      // storage unavailable or corrupt: start from the suggestion
    }
    restored.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    if (!restored.current) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(draft));
      localStorage.setItem(LAST_CONTEXT_KEY, JSON.stringify(draft.context));
    } catch {
      // private mode: the draft lives as long as the page
    }
  }, [key, draft]);
  return [draft, setDraft];
}

type WizardProps = Omit<Route.ComponentProps["loaderData"], "upload"> & { upload: Upload };

function Wizard({ upload, profiles, balance, catalogue }: WizardProps) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useDraft(upload);
  const [attempted, setAttempted] = useState<Partial<Record<StepId, boolean>>>({});
  const mapProblems = mappingProblems(draft.mapping);
  const ctxProblems = contextProblems(draft.context);
  const mapOk = !mapProblems.company;
  const contextOk = Object.keys(ctxProblems).length === 0;
  const reachable = (id: string) => id === "file" || id === "map" || (id === "context" && mapOk) || (mapOk && contextOk);
  const hrefFor = (id: string) => `/jobs/new?upload=${encodeURIComponent(upload.id)}&step=${id}`;
  const requested = params.get("step");
  const wanted: StepId = isStep(requested) ? requested : "file";
  // A step whose earlier answers are missing shows the first step that needs them.
  const step: StepId = reachable(wanted) ? wanted : !mapOk ? "map" : "context";
  const go = (id: StepId) => navigate(hrefFor(id));

  function next(from: StepId, to: StepId, ok: boolean, focusId: string) {
    if (ok) return go(to);
    setAttempted({ ...attempted, [from]: true });
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  }

  // A new step replaces the one whose button had focus: move focus to the new step's title.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const title = document.querySelector<HTMLElement>(".step .step-title");
    title?.setAttribute("tabindex", "-1");
    title?.focus();
  }, [step]);

  const spec = buildJobSpec(upload.id, draft);
  return (
    <section className="page wizard">
      <h1>New job</h1>
      <p className="muted wizard-file">
        {upload.filename} · {plural(upload.rowCount, "prospect")}
      </p>
      <Stepper steps={[...STEPS]} current={step} reachable={reachable} hrefFor={hrefFor} />

      {step === "file" ? (
        <div className="step">
          <h2 className="step-title">What we found in your file</h2>
          <DoctorFindings upload={upload} />
          {upload.rowCount === 0 ? (
            <Notice tone="error" title="Nothing to write about">
              <p>The file has a header but no prospects under it. Check the export and upload it again.</p>
            </Notice>
          ) : null}
          <div className="wizard-nav">
            <Link to="/jobs/new" className="button secondary">
              Upload a different file
            </Link>
            <button type="button" className="button" disabled={upload.rowCount === 0} onClick={() => go("map")}>
              Continue to mapping
            </button>
          </div>
        </div>
      ) : null}

      {step === "map" ? (
        <div className="step">
          <h2 className="step-title">Map your columns</h2>
          <p className="muted">We matched what we could. Check the company column above all: it's the one every line needs.</p>
          <ProfilePicker profiles={fittingProfiles(profiles, upload.columns)} onApply={(mapping) => setDraft({ ...draft, mapping })} />
          <MappingEditor
            columns={upload.columns}
            sampleRows={upload.sampleRows}
            mapping={draft.mapping}
            extraColumns={draft.extraColumns}
            companyError={attempted.map ? mapProblems.company : undefined}
            onMappingChange={(mapping) => setDraft({ ...draft, mapping })}
            onExtraColumnsChange={(extraColumns) => setDraft({ ...draft, extraColumns })}
          />
          <SaveProfile mapping={draft.mapping} disabled={!mapOk} />
          <div className="wizard-nav">
            <Link to={hrefFor("file")} className="button secondary">
              Back
            </Link>
            <button type="button" className="button" onClick={() => next("map", "context", mapOk, "map-company")}>
              Continue to context
            </button>
          </div>
        </div>
      ) : null}

      {step === "context" ? (
        <div className="step">
          <h2 className="step-title">Tell us what you sell</h2>
          <ContextForm value={draft.context} problems={attempted.context ? ctxProblems : {}} onChange={(context) => setDraft({ ...draft, context })} />
          <CostEstimate rows={upload.rowCount} balance={balance} catalogue={catalogue} />
          <div className="wizard-nav">
            <Link to={hrefFor("map")} className="button secondary">
              Back
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => next("context", "preview", contextOk, ctxProblems.service ? "ctx-service" : "ctx-words")}
            >
              Continue to preview
            </button>
          </div>
        </div>
      ) : null}

      {step === "preview" ? <PreviewStep spec={spec} mapping={draft.mapping} backHref={hrefFor("context")} onContinue={() => go("run")} /> : null}

      {step === "run" ? (
        <RunStep upload={upload} draft={draft} setDraft={setDraft} spec={spec} balance={balance} catalogue={catalogue} backHref={hrefFor("preview")} />
      ) : null}
    </section>
  );
}

function ProfilePicker({ profiles, onApply }: { profiles: MappingProfile[]; onApply: (mapping: Mapping) => void }) {
  const [selected, setSelected] = useState("");
  if (profiles.length === 0) return null;
  return (
    <div className="profile-picker inline-form">
      <label htmlFor="profile">Use a saved mapping</label>
      <select id="profile" value={selected} onChange={(event) => setSelected(event.target.value)}>
        <option value="">Choose…</option>
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button secondary small"
        disabled={!selected}
        onClick={() => {
          const profile = profiles.find((item) => item.id === selected);
          if (profile) onApply({ ...profile.mapping });
        }}
      >
        Apply
      </button>
    </div>
  );
}

function SaveProfile({ mapping, disabled }: { mapping: Mapping; disabled: boolean }) {
  const fetcher = useFetcher<WizardActionData>();
  const result = fetcher.data?.intent === "save-profile" ? fetcher.data : null;
  return (
    <fetcher.Form method="post" className="save-profile">
      <input type="hidden" name="intent" value="save-profile" />
      <input type="hidden" name="mapping" value={JSON.stringify(mapping)} />
      <label htmlFor="profile-name">Save this mapping for next time</label>
      <div className="inline-form">
        <input id="profile-name" name="name" required maxLength={100} placeholder="e.g. Apollo export" />
        <button type="submit" className="button secondary small" disabled={disabled || fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Saving…" : "Save as profile"}
        </button>
      </div>
      <div aria-live="polite">
        {result?.ok && "profile" in result ? <p className="success small">Saved as “{result.profile.name}”.</p> : null}
        {result && !result.ok ? <p className="field-error">{result.error.message}</p> : null}
      </div>
    </fetcher.Form>
  );
}

function PreviewStep({ spec, mapping, backHref, onContinue }: { spec: object; mapping: Mapping; backHref: string; onContinue: () => void }) {
  const fetcher = useFetcher<WizardActionData>();
  const specJson = JSON.stringify(spec);
  const [previewedWith, setPreviewedWith] = useState<string | null>(null);
  // Only while the lines are being written; the page's data refresh afterwards is not "writing".
  const busy = fetcher.state === "submitting";
  const result = fetcher.data?.intent === "preview" ? fetcher.data : null;
  const generate = () => {
    setPreviewedWith(specJson);
    fetcher.submit({ intent: "preview", job: specJson }, { method: "post" });
  };
  // The first visit writes the preview at once; after that, only when asked.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    generate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const stale = previewedWith !== null && previewedWith !== specJson && !busy;
  return (
    <div className="step">
      <h2 className="step-title">Preview five lines</h2>
      <p className="muted">The first five rows of your list, written now. Previews are free.</p>
      <div aria-live="polite">
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> Writing five lines…
          </p>
        ) : null}
        {stale ? <Notice tone="info">You changed the settings since this preview. Regenerate to see the new lines.</Notice> : null}
      </div>
      {result && !result.ok ? (
        <Notice tone="error" title="The preview didn't work">
          <p>{result.error.message}</p>
        </Notice>
      ) : null}
      {result?.ok && "results" in result ? (
        result.results.length > 0 ? (
          <RowsTable rows={result.results} mapping={mapping} label="Preview rows with their opening lines" />
        ) : (
          <Notice tone="warning">The preview came back without rows.</Notice>
        )
      ) : null}
      <div className="wizard-nav">
        <Link to={backHref} className="button secondary">
          Edit context
        </Link>
        <button type="button" className="button secondary" onClick={generate} disabled={busy}>
          {busy ? "Writing…" : "Regenerate"}
        </button>
        <button type="button" className="button" onClick={onContinue} disabled={busy}>
          Continue to run
        </button>
      </div>
    </div>
  );
}

function RunStep({
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
  const details = result?.error.code === "insufficient_credits" ? (result.error.details as { rowCount?: number; balance?: number; missing?: number }) : null;
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
        maxCredits={Number.isFinite(budget) ? budget : null}
        offerPurchase={!details}
      />
      <details className="options">
        <summary>Options: budget and webhook</summary>
        <div className="field-row">
          <div className="field">
            <label htmlFor="max-credits">Stop after this many credits (optional)</label>
            <input
              id="max-credits"
              type="number"
              inputMode="numeric"
              min={1}
              value={draft.maxCredits}
              onChange={(event) => setDraft({ ...draft, maxCredits: event.target.value })}
            />
            <p className="hint">With a budget the run pauses instead of failing when credits run out.</p>
          </div>
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
        </div>
      </details>
      {details ? (
        <Notice tone="warning" title="Not enough credits for this run">
          <p>
            This run needs {formatNumber(details.rowCount ?? upload.rowCount)} credits and you have {formatNumber(details.balance ?? balance)} (
            {formatNumber(details.missing ?? upload.rowCount - balance)} short).
          </p>
          <BuyCredits missing={details.missing ?? upload.rowCount - balance} catalogue={catalogue} />
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
        <Notice tone="error" title="The run could not start">
          <p>{result.error.message}</p>
        </Notice>
      ) : null}
      <div className="wizard-nav">
        <Link to={backHref} className="button secondary">
          Back
        </Link>
        <button type="button" className="button large" disabled={busy || !idempotencyKey} onClick={() => submit()}>
          {busy ? "Starting…" : `Start run · ${plural(Number.isFinite(budget) && budget > 0 ? Math.min(budget, upload.rowCount) : upload.rowCount, "credit")}`}
        </button>
      </div>
    </div>
  );
}
