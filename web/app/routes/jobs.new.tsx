import { useEffect, useRef, useState } from "react";
import { data, redirect, useNavigate, useSearchParams, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/jobs.new";
import { contextProblems } from "../components/ContextForm";
import { Stepper } from "../components/Stepper";
import { UploadDropzone } from "../components/UploadDropzone";
import { ContextStep } from "../components/wizard/ContextStep";
import { FileStep } from "../components/wizard/FileStep";
import { MapStep } from "../components/wizard/MapStep";
import { PreviewStep } from "../components/wizard/PreviewStep";
import { RunStep } from "../components/wizard/RunStep";
import { isStep, STEPS, type StepId, type WizardActionData } from "../components/wizard/types";
import { callApi, field, idempotencyHeader, loadFromApi, loadOptional, loginRedirect } from "../lib/api.server";
import type { Schemas } from "../lib/openline-client";
import { sessionContext } from "../lib/context.server";
import { plural } from "../lib/format";
import { mappingProblems } from "../lib/mapping";
import { buildJobSpec, jobIdOf, modelOf, previewResultsOf } from "../lib/job-spec";
import { lastUsedContext } from "../lib/saved-contexts";
import type { ApiErrorBody, BillingCatalogue, MappingProfile, Page, SavedContext, Upload } from "../lib/types";
import { useDraft } from "../lib/use-draft";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "New job · Openline" }];

export async function loader(args: Route.LoaderArgs) {
  const uploadId = new URL(args.request.url).searchParams.get("upload");
  const user = args.context.get(sessionContext).user!;
  const cataloguePromise = loadOptional(args, (api) => api.GET("/v1/billing/plans"));
  if (!uploadId) return { upload: null, profiles: [] as MappingProfile[], contexts: [] as SavedContext[], balance: user.credits.balance, catalogue: await cataloguePromise };
  const [upload, profiles, contexts, catalogue] = await Promise.all([
    loadFromApi(args, (api) => api.GET("/v1/uploads/{id}", { params: { path: { id: uploadId } } })),
    loadOptional(args, (api) => api.GET("/v1/mapping-profiles", { params: { query: { limit: 100 } } })),
    loadOptional(args, (api) => api.GET("/v1/contexts", { params: { query: { limit: 100 } } })),
    cataloguePromise,
  ]);
  return { upload, profiles: profiles?.data ?? [], contexts: contexts?.data ?? [], balance: user.credits.balance, catalogue };
}

/** Moving between steps only changes `?step=`, and a preview is free and changes nothing here: nothing to reload. */
export function shouldRevalidate({ currentUrl, nextUrl, formMethod, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if ((actionResult as WizardActionData | undefined)?.intent === "preview") return false;
  const sameUpload = currentUrl.pathname === nextUrl.pathname && currentUrl.searchParams.get("upload") === nextUrl.searchParams.get("upload");
  return !formMethod && sameUpload ? false : defaultShouldRevalidate;
}

export type { WizardActionData };

const failure = (intent: string, error: ApiErrorBody, status: number) => data<WizardActionData>({ intent, ok: false, error }, { status });

/** The form field holding each intent's JSON. */
const PAYLOAD_FIELD: Record<string, string> = { "save-profile": "mapping", "save-context": "context" };

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  let payload: unknown;
  try {
    payload = JSON.parse(field(form, PAYLOAD_FIELD[intent] ?? "job") || "null");
  } catch {
    payload = null;
  }
  if (!payload || typeof payload !== "object") {
    return failure(intent, { code: "invalid_request", message: "The form could not be read; reload the page and try again.", details: {} }, 400);
  }
  if (intent === "save-profile") {
    // The form's JSON goes as it came: the API validates it and answers what is wrong.
    const result = await callApi(args, (api) => api.POST("/v1/mapping-profiles", { body: { name: field(form, "name"), mapping: payload as Schemas["Mapping"] } }));
    if (!result.ok) return result.status === 401 ? loginRedirect(args.request) : failure(intent, result.error, result.status);
    return { intent, ok: true, profile: result.data } satisfies WizardActionData;
  }
  if (intent === "save-context") {
    const result = await callApi(args, (api) => api.POST("/v1/contexts", { body: { ...(payload as Schemas["CreateContextRequest"]), name: field(form, "name") } }));
    if (!result.ok) return result.status === 401 ? loginRedirect(args.request) : failure(intent, result.error, result.status);
    return { intent, ok: true, context: result.data } satisfies WizardActionData;
  }
  if (intent !== "preview" && intent !== "run") return failure(intent, { code: "invalid_request", message: "Unknown action.", details: {} }, 400);
  const body = intent === "preview" ? { ...payload, mode: "preview", previewRows: 5 } : { ...payload, mode: "full" };
  const result = await callApi(args, (api) =>
    api.POST("/v1/jobs", { body: body as Schemas["CreateJobRequest"], headers: idempotencyHeader(intent === "run" ? field(form, "idempotencyKey") : "") }),
  );
  if (!result.ok) return result.status === 401 ? loginRedirect(args.request) : failure(intent, result.error, result.status);
  if (intent === "run") return redirect(`/jobs/${jobIdOf(result.data)}`);
  return { intent, ok: true, results: previewResultsOf(result.data), model: modelOf(result.data) } satisfies WizardActionData;
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

type WizardProps = Omit<Route.ComponentProps["loaderData"], "upload"> & { upload: Upload };

/** The five steps over one draft; each step is its own component (components/wizard/). */
function Wizard({ upload, profiles, contexts, balance, catalogue }: WizardProps) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useDraft(upload, lastUsedContext(contexts));
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
      {step === "file" ? <FileStep upload={upload} onContinue={() => go("map")} /> : null}
      {step === "map" ? (
        <MapStep
          upload={upload}
          profiles={profiles}
          draft={draft}
          setDraft={setDraft}
          companyError={attempted.map ? mapProblems.company : undefined}
          mapOk={mapOk}
          backHref={hrefFor("file")}
          onContinue={() => next("map", "context", mapOk, "map-company")}
        />
      ) : null}
      {step === "context" ? (
        <ContextStep
          draft={draft}
          setDraft={setDraft}
          problems={attempted.context ? ctxProblems : {}}
          contexts={contexts}
          rows={upload.rowCount}
          balance={balance}
          catalogue={catalogue}
          backHref={hrefFor("map")}
          onContinue={() => next("context", "preview", contextOk, ctxProblems.service ? "ctx-service" : "ctx-words")}
        />
      ) : null}
      {step === "preview" ? <PreviewStep spec={spec} mapping={draft.mapping} backHref={hrefFor("context")} onContinue={() => go("run")} /> : null}
      {step === "run" ? (
        <RunStep upload={upload} draft={draft} setDraft={setDraft} spec={spec} balance={balance} catalogue={catalogue} backHref={hrefFor("preview")} />
      ) : null}
    </section>
  );
}
