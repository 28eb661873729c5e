import { z } from "@hono/zod-openapi";
import type { LineContext } from "../llm/types";
import { RESEARCH_STATUSES } from "../research/types";
import { JOB_MODES, JOB_STATUSES, PAUSE_REASONS } from "./statuses";

/**
 * The public shapes of the jobs domain, as zod schemas: the one definition. The OpenAPI document is
 * generated from them (worker/routes/jobs/schemas.ts re-exports them) and the Worker's types are
 * inferred from them (`PublicJob` in types.ts), so the contract and the code cannot drift apart.
 */

export const JobStatusEnum = z.enum(JOB_STATUSES);

const EvidenceSchema = z
  .object({
    field: z.string().openapi({ description: "The row field (or `service`, or a researched source) the fact comes from" }),
    value: z.string().openapi({ description: "The words quoted from it" }),
    url: z.string().optional().openapi({ description: "Where a researched fact was read" }),
  })
  .openapi("Evidence");

export const JobSchema = z
  .object({
    id: z.string().openapi({ example: "job_0196a3f2c1d4e5f6a7b8c9d0" }),
    uploadId: z.string(),
    mode: z.enum(JOB_MODES),
    status: JobStatusEnum,
    pauseReason: z.enum(PAUSE_REASONS).nullable().openapi({ description: "Why a paused job is paused" }),
    total: z.number().int(),
    processed: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    creditsHeld: z.number().int(),
    creditsCharged: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    maxCredits: z.number().int().nullable(),
    webhookUrl: z.string().nullable(),
    mapping: z.record(z.string(), z.string()),
    extraColumns: z.array(z.string()),
    context: z.record(z.string(), z.unknown()),
    rowsPerRequest: z.number().int().optional(),
    variants: z.number().int().optional().openapi({ description: "Lines per prospect" }),
    model: z.string().optional(),
    research: z.object({ website: z.boolean() }).optional(),
    rowsPerSecond: z.number().nullable().optional(),
    etaSeconds: z.number().int().nullable().optional(),
    filesExpireAt: z.string().optional().openapi({ description: "When the retention clean-up deletes this job's files (GET /v1/jobs/{id})" }),
    filesDeletedAt: z.string().nullable().optional().openapi({ description: "When they were deleted: rows and output then answer 410" }),
  })
  .openapi("Job");

export const JobRowSchema = z
  .object({
    row: z.number().int().openapi({ description: "1-based data row number" }),
    input: z.record(z.string(), z.string()),
    line: z.string().nullable(),
    lines: z.array(z.string()).openapi({ description: "Every line of the row, one per passing variant; `line` is the first (empty when none)" }),
    status: z.enum(["pending", "generated", "failed", "skipped"]),
    reason: z.string().optional(),
    evidence: z.array(EvidenceSchema).optional(),
    edited: z.boolean().openapi({ description: "The line is the user's own edit (exported with line_status `edited`)" }),
    review: z.enum(["approved", "rejected"]).nullable().openapi({ description: "The user's review mark" }),
    research: z.enum(RESEARCH_STATUSES).optional().openapi({ description: "When the job researches websites: `ok`, or why the line rests on the row's own facts only" }),
  })
  .openapi("JobRow");

export const PreviewJobSchema = JobSchema.extend({ results: z.array(JobRowSchema.partial({ edited: true, review: true, lines: true })) }).openapi("PreviewJob");

/**
 * The contract's Job, plus additive fields. The document shows `context` as a free object (its
 * fields are the request's JobContext); the type keeps it exact, which the room's RPC types need
 * (`unknown` is not serializable, so a Record<string, unknown> would make its stubs answer `never`).
 */
export type PublicJob = Omit<z.infer<typeof JobSchema>, "context"> & { context: LineContext };
