import { eq } from "drizzle-orm";
import { ledgerFor } from "../credits/ledger";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { jobs, type Upload, type User } from "../db/schema";
import { ApiError } from "../lib/errors";
import { newId } from "../lib/ids";
import { variantsOf, type LineContext } from "../llm/types";
import type { ResearchOptions } from "../research/types";
import type { ChunkIndex } from "../uploads/normalized";
import { roomFor } from "./keys";
import type { JobRecord, JobSettings, PublicJob } from "./types";

/** What POST /v1/jobs asks for, validated. */
export interface JobRequest {
  uploadId: string;
  mode: "preview" | "full";
  mapping: Record<string, string>;
  extraColumns: string[];
  context: LineContext;
  previewRows: number;
  previewAttempt?: number;
  maxCredits?: number;
  webhookUrl?: string;
  rowsPerRequest?: number;
  research?: ResearchOptions;
}

export function settingsFor(config: Config, request: JobRequest): JobSettings {
  return {
    mapping: request.mapping,
    extraColumns: request.extraColumns,
    context: request.context,
    rowsPerRequest: request.rowsPerRequest ?? config.LLM_ROWS_PER_REQUEST,
    maxCredits: request.maxCredits ?? null,
    webhookUrl: request.webhookUrl ?? null,
    model: config.LLM_MODEL,
    research: { website: request.research?.website ?? false },
  };
}

/**
 * A full job: hold the credits for every row (402 with what is missing, unless a budget is given),
 * record the job, and hand it to its JobRoom, which fans the chunks out to the queue.
 */
export async function createFullJob(
  env: Env,
  config: Config,
  user: User,
  upload: Upload,
  index: ChunkIndex,
  request: JobRequest,
  options: { fanOut?: boolean } = {},
): Promise<PublicJob> {
  const id = newId("job");
  const total = index.rowCount;
  const settings = settingsFor(config, request);
  const ledger = ledgerFor(env, user.id);
  const owed = await ledger.owed();
  if (owed > 0) {
    throw new ApiError(
      "credits_owed",
      `You owe ${owed} credits from a refunded or disputed payment whose credits were already spent. Buy credits to settle them before starting a job.`,
      { owed },
    );
  }
  // Every variant of a row is a line of its own: rows × variants are held.
  const variants = variantsOf(settings.context);
  const needed = total * variants;
  const hold = await ledger.hold({ jobId: id, amount: needed, budget: request.maxCredits });
  if (!hold.ok) {
    const perRow = variants > 1 ? ` (${total} rows × ${variants} variants)` : "";
    throw new ApiError(
      "insufficient_credits",
      `This job needs ${needed} credits${perRow}; you have ${hold.balance}. Buy credits or pass maxCredits to run until they are spent.`,
      { rowCount: total, ...(variants > 1 ? { variants, needed } : {}), balance: hold.balance, missing: hold.missing },
    );
  }
  if (hold.jobHold === 0 && total > 0) {
    // A budgeted job with nothing to spend would only queue every chunk to pause at once (ADR 068).
    await ledger.release({ jobId: id });
    throw new ApiError("insufficient_credits", `This job can hold no credits: your balance is ${hold.balance}. Buy credits first.`, {
      rowCount: total,
      balance: hold.balance,
      missing: Math.min(needed, request.maxCredits ?? needed),
    });
  }
  const now = new Date().toISOString();
  const record: JobRecord = {
    id,
    userId: user.id,
    uploadId: upload.id,
    mode: "full",
    status: "queued",
    pauseReason: null,
    total,
    creditsHeld: hold.jobHold,
    creditsCharged: 0,
    error: null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    settings,
    normalizedKey: upload.normalizedKey,
    columns: upload.columns,
    retryPasses: 0,
    webhooks: 0,
  };
  try {
    await getDb(env).insert(jobs).values({
      id,
      userId: user.id,
      uploadId: upload.id,
      mode: "full",
      status: "queued",
      mapping: settings.mapping,
      extraColumns: settings.extraColumns,
      context: settings.context as unknown as Record<string, unknown>,
      maxCredits: settings.maxCredits,
      webhookUrl: settings.webhookUrl,
      total,
      creditsHeld: hold.jobHold,
      createdAt: now,
    });
    return await roomFor(env, id).init({
      job: record,
      fanOut: options.fanOut,
      chunks: index.chunks.map((chunk) => ({
        chunk: chunk.index,
        start: chunk.start,
        end: chunk.end,
        firstRow: chunk.firstRow,
        rowCount: chunk.rowCount,
      })),
    });
  } catch (error) {
    // Nothing may stay held for a job that did not start, nor look queued in lists.
    await ledger.release({ jobId: id });
    await getDb(env)
      .update(jobs)
      .set({ status: "failed", creditsHeld: 0, finishedAt: new Date().toISOString(), error: { code: "start_failed", message: "The job could not be started." } })
      .where(eq(jobs.id, id))
      .catch(() => undefined);
    throw error;
  }
}
