import type { Job } from "../db/schema";
import { variantsOf, type LineContext } from "../llm/types";
import type { JobRecord, PublicJob } from "./types";

export interface Counters {
  processed: number;
  succeeded: number;
  failed: number;
}

export function publicJob(job: JobRecord, counters: Counters, rate?: { rowsPerSecond: number | null; etaSeconds: number | null }): PublicJob {
  return {
    id: job.id,
    uploadId: job.uploadId,
    mode: job.mode,
    status: job.status,
    pauseReason: job.status === "paused" ? job.pauseReason : null,
    total: job.total,
    processed: counters.processed,
    succeeded: counters.succeeded,
    failed: counters.failed,
    creditsHeld: job.creditsHeld,
    creditsCharged: job.creditsCharged,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    maxCredits: job.settings.maxCredits,
    webhookUrl: job.settings.webhookUrl,
    mapping: job.settings.mapping,
    extraColumns: job.settings.extraColumns,
    context: job.settings.context,
    rowsPerRequest: job.settings.rowsPerRequest,
    variants: variantsOf(job.settings.context),
    model: job.settings.model,
    ...(job.settings.research ? { research: job.settings.research } : {}),
    rowsPerSecond: rate?.rowsPerSecond ?? null,
    etaSeconds: rate?.etaSeconds ?? null,
  };
}

/** A job from its D1 row (lists): counters as last synced by its room. */
export function publicJobFromRow(row: Job): PublicJob {
  return {
    id: row.id,
    uploadId: row.uploadId,
    mode: row.mode,
    status: row.status,
    pauseReason: row.status === "paused" ? row.pauseReason : null,
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    creditsHeld: row.creditsHeld,
    creditsCharged: row.creditsCharged,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    error: row.error ?? null,
    maxCredits: row.maxCredits,
    webhookUrl: row.webhookUrl,
    mapping: row.mapping,
    extraColumns: row.extraColumns,
    context: row.context as unknown as LineContext,
    variants: variantsOf(row.context as { variants?: number }),
  };
}
