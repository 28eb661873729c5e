import type { Mapping } from "./mapping";
import type { JobContext, JobRow } from "./types";

/** What the wizard collects before a job is created. Numbers typed by the user stay strings until sent. */
export interface JobDraft {
  mapping: Mapping;
  extraColumns: string[];
  context: JobContext;
  maxCredits: string;
  webhookUrl: string;
  /** The saved context the form was filled from (sent so it is marked last used; the fields win). */
  contextId?: string;
  /** Read company websites; unset means the default: on when a website or email column is mapped. */
  research?: boolean;
}

/** Research needs a site: the mapped website, or a work email's domain. */
export const canResearch = (mapping: Mapping) => Boolean(mapping.website || mapping.email);
export const researchOn = (draft: Pick<JobDraft, "mapping" | "research">) => canResearch(draft.mapping) && (draft.research ?? true);

/** The body of POST /v1/jobs (without `mode`), with empty optional answers left out. */
export function buildJobSpec(uploadId: string, draft: JobDraft): Record<string, unknown> {
  const context: Record<string, unknown> = {
    service: draft.context.service.trim(),
    tone: draft.context.tone,
    language: draft.context.language,
    maxWords: draft.context.maxWords,
  };
  if (draft.context.instructions?.trim()) context.instructions = draft.context.instructions.trim();
  const usedColumns = new Set(Object.values(draft.mapping));
  const spec: Record<string, unknown> = {
    uploadId,
    mapping: draft.mapping,
    extraColumns: draft.extraColumns.filter((column) => !usedColumns.has(column)),
    context,
  };
  const maxCredits = Number.parseInt(draft.maxCredits, 10);
  if (Number.isInteger(maxCredits) && maxCredits > 0) spec.maxCredits = maxCredits;
  if (draft.webhookUrl.trim()) spec.webhookUrl = draft.webhookUrl.trim();
  if (draft.contextId) spec.contextId = draft.contextId;
  // Sent when a site can be found (on by default then); left out otherwise, which is "off".
  if (canResearch(draft.mapping)) spec.research = { website: researchOn(draft) };
  // Sent on its own (not in `context`) so a saved context's variants apply unless the user chose some.
  if (draft.context.variants && draft.context.variants > 1) spec.variants = draft.context.variants;
  return spec;
}

/** A preview answers the job with its `results` inline (tolerating `{job, results}` too). */
export function previewResultsOf(body: unknown): JobRow[] {
  const value = body as { results?: unknown; job?: { results?: unknown } } | null;
  const results = value?.results ?? value?.job?.results;
  return Array.isArray(results) ? (results as JobRow[]) : [];
}

/** The model a job's lines came from (`openline-local-sample` for the offline sample model). */
export function modelOf(body: unknown): string | null {
  const value = body as { model?: unknown; job?: { model?: unknown } } | null;
  const model = value?.model ?? value?.job?.model;
  return typeof model === "string" ? model : null;
}

export function jobIdOf(body: unknown): string {
  const value = body as { id?: string; job?: { id?: string } } | null;
  const id = value?.id ?? value?.job?.id;
  if (!id) throw new Error("POST /v1/jobs answered without a job id");
  return id;
}


/** A page of GET /v1/jobs/:id/rows: its rows, and whether more follow (from `nextOffset` when given). */
export function rowsPageOf(body: unknown, limit: number): { rows: JobRow[]; hasMore: boolean; total: number | null; nextOffset: number | null } {
  const rows = rowsOf(body);
  const value = (Array.isArray(body) ? {} : (body ?? {})) as { nextOffset?: unknown; total?: unknown };
  const hasMore = value.nextOffset === undefined ? rows.length === limit : value.nextOffset !== null;
  const nextOffset = typeof value.nextOffset === "number" ? value.nextOffset : null;
  return { rows, hasMore, total: typeof value.total === "number" ? value.total : null, nextOffset };
}

/** GET /v1/jobs/:id/rows answers a list (`{data}`), tolerating a bare array or `{rows}`. */
export function rowsOf(body: unknown): JobRow[] {
  if (Array.isArray(body)) return body as JobRow[];
  const value = body as { data?: unknown; rows?: unknown } | null;
  const rows = value?.data ?? value?.rows;
  return Array.isArray(rows) ? (rows as JobRow[]) : [];
}
