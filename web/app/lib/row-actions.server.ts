import { data } from "react-router";
import { callApi, field, loginRedirect, type ServerArgs } from "./api.server";
import type { Schemas } from "./openline-client";
import type { ApiErrorBody } from "./types";

/** The job page's row intents: review, edit and regenerate one row through the API. */
export const ROW_INTENTS = ["row-review", "row-edit", "row-regenerate"] as const;
export type RowIntent = (typeof ROW_INTENTS)[number];
export const isRowIntent = (intent: string): intent is RowIntent => (ROW_INTENTS as readonly string[]).includes(intent);

export async function rowAction(args: ServerArgs & { params: { jobId: string } }, intent: RowIntent, form: FormData) {
  const row = Number.parseInt(field(form, "row"), 10);
  const fail = (error: ApiErrorBody, status: number) => data({ ok: false as const, intent, error }, { status });
  if (!Number.isInteger(row) || row < 1) return fail({ code: "invalid_request", message: "Which row? Reload the page and try again.", details: {} }, 400);
  const params = { path: { id: args.params.jobId, row } };
  // The review goes as the form sent it: the API refuses a value it does not know.
  const review = (field(form, "review") || null) as Schemas["UpdateJobRowRequest"]["review"];
  const result =
    intent === "row-regenerate"
      ? await callApi(args, (api) => api.POST("/v1/jobs/{id}/rows/{row}/regenerate", { params }))
      : intent === "row-edit"
        ? await saveEditedLines(args, params, form)
        : await callApi(args, (api) => api.PATCH("/v1/jobs/{id}/rows/{row}", { params, body: { review } }));
  if (result.ok) {
    const regeneration = (result.data as { regeneration?: { status: string; reason?: string } } | null)?.regeneration;
    if (regeneration?.status === "failed") {
      const why = regeneration.reason ? ` (${regeneration.reason})` : "";
      return fail({ code: "regeneration_failed", message: `No new line passed the checks${why}; the row keeps its line and nothing was charged.`, details: {} }, 200);
    }
    return { ok: true as const, intent };
  }
  if (result.status === 401) throw loginRedirect(args.request);
  return fail(result.error, result.status);
}

type RowPath = { path: { id: string; row: number } };

/**
 * The editor's lines, one PATCH per line the user changed (so an untouched line keeps its evidence
 * and is not marked edited); an emptied variant box keeps that variant as it was. Stops at the first refusal.
 */
async function saveEditedLines(args: ServerArgs, params: RowPath, form: FormData) {
  const variants = Math.min(3, Math.max(1, Number.parseInt(field(form, "variants"), 10) || 1));
  const changed = Array.from({ length: variants }, (_, i) => i + 1).filter((variant) => {
    const text = field(form, lineField(variant));
    // The first line goes even when empty: the API says why it cannot be.
    return text !== field(form, `original_${variant}`) && (variant === 1 || text.trim() !== "");
  });
  if (changed.length === 0) return { ok: true as const, status: 200, data: null, headers: new Headers() };
  let result = await patchLine(args, params, field(form, lineField(changed[0]!)), changed[0]!);
  for (const variant of changed.slice(1)) {
    if (!result.ok) return result;
    result = await patchLine(args, params, field(form, lineField(variant)), variant);
  }
  return result;
}

const lineField = (variant: number) => (variant === 1 ? "line" : `line_${variant}`);

const patchLine = (args: ServerArgs, params: RowPath, line: string, variant: number) =>
  callApi(args, (api) => api.PATCH("/v1/jobs/{id}/rows/{row}", { params, body: variant === 1 ? { line } : { line, variant: variant as 2 | 3 } }));
