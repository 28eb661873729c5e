import { ledgerFor } from "../credits/ledger";
import type { OutputPlan } from "./room/contract";
import type { Config } from "../config";
import type { Job } from "../db/schema";
import { ApiError } from "../lib/errors";
import { createLlmClient, llmOptionsFromConfig } from "../llm/client";
import { generateLines } from "../llm/generate";
import { Limiter } from "../llm/limiter";
import { toProspect } from "../llm/prospect";
import { emptyUsage, variantsOf, type LineContext } from "../llm/types";
import { nextRegeneration, saveOverride } from "./row-overrides";
import { readJobRows, type JobRow } from "./rows";
import { isTerminal } from "./types";

/**
 * Regenerating one row on request (ADR 060, 071): the same prompt and checks as the chunk runner, all
 * its variants at once, 1 credit per line that passes and nothing when none does. The credit is held and charged through the ledger's
 * usual hold → reserve → settle → release, under a hold of its own (`<job>:regen:<row>:<n>`), so it
 * never touches the job's own hold or budget.
 */
export interface Regeneration {
  row: JobRow;
  regeneration: { status: "generated" | "failed"; reason?: string; charged: number };
}

/** The ledger hold of one regeneration; the part before `:regen:` is the job it belongs to. */
export const regenerationHoldId = (jobId: string, row: number, n: number) => `${jobId}:regen:${row}:${n}`;

/** What a prompt says to the model on the n-th regeneration (fixed words: no row data). */
export const regenerationFeedback = (n: number) => `the sender asked for another version, number ${n + 1}`;

/** One row of a job, or 404 when the job has no such row. */
export async function readOneRow(env: Env, job: Job, plan: OutputPlan, row: number): Promise<JobRow> {
  const [found] = row >= 1 && row <= plan.total ? await readJobRows(env, job.id, plan, row - 1, 1) : [];
  if (!found) throw new ApiError("not_found", `This job has no row ${row}.`, { row, total: plan.total });
  return found;
}

/** 402: a regeneration holds one credit per variant before any model call. */
const tooFewCredits = (variants: number, balance: number, missing: number) =>
  new ApiError("insufficient_credits", `Regenerating a row needs ${variants === 1 ? "1 credit" : `${variants} credits (one per variant)`}; you have ${balance}.`, {
    rowCount: 1,
    ...(variants > 1 ? { variants, needed: variants } : {}),
    balance,
    missing,
  });

export async function regenerateRow(env: Env, config: Config, job: Job, plan: OutputPlan, rowNumber: number): Promise<Regeneration> {
  if (job.mode === "preview") throw new ApiError("conflict", "Preview rows are not regenerated one by one: regenerate the preview instead.", { mode: job.mode });
  if (!isTerminal(plan.status)) {
    throw new ApiError("conflict", "Rows can be regenerated once the job has finished (or is canceled).", { status: plan.status });
  }
  const current = await readOneRow(env, job, plan, rowNumber);
  const context = job.context as unknown as LineContext;
  // Every variant is rewritten: one credit each is held, and one charged per line that passes (ADR 071).
  const variants = variantsOf(context);
  const n = await nextRegeneration(env, job.id, rowNumber);
  const holdId = regenerationHoldId(job.id, rowNumber, n);
  const ledger = ledgerFor(env, job.userId);
  const hold = await ledger.hold({ jobId: holdId, amount: variants });
  if (!hold.ok) throw tooFewCredits(variants, hold.balance, hold.missing);
  let charged = 0;
  try {
    const reserved = await ledger.reserve({ jobId: holdId, key: holdId, amount: variants });
    if (reserved.reserved < variants) throw tooFewCredits(variants, reserved.balance, variants - reserved.reserved);
    const prospect = toProspect(rowNumber, plan.columns, plan.columns.map((column) => current.input[column] ?? ""), job.mapping, job.extraColumns);
    const resolutions = await generateLines([prospect], {
      client: createLlmClient(llmOptionsFromConfig(config)),
      limiter: new Limiter(1),
      context,
      rowsPerRequest: 1,
      usage: emptyUsage(),
      feedback: regenerationFeedback(n),
    });
    const outcome = resolutions.get(prospect.id);
    if (outcome?.status !== "generated") {
      const reason = outcome?.status === "failed" ? outcome.reason : "llm_unavailable: the model could not be reached";
      return { row: current, regeneration: { status: "failed", reason, charged: 0 } };
    }
    const lines = outcome.variants ? outcome.variants.map((variant) => variant.line) : [outcome.line];
    // New lines replace all the old ones (a variant that failed now is blank), and the review mark
    // and edits no longer apply to them.
    await saveOverride(env, job.id, rowNumber, {
      line: outcome.line,
      lines: variants > 1 ? Array.from({ length: variants }, (_, i) => (i === 0 ? null : { line: lines[i] ?? "", edited: false })) : null,
      evidence: outcome.evidence,
      edited: false,
      review: null,
    });
    charged = lines.length;
    const row: JobRow = { ...current, line: outcome.line, lines, status: "generated", evidence: outcome.evidence, edited: false, review: null };
    delete row.reason;
    return { row, regeneration: { status: "generated", charged } };
  } finally {
    await ledger.settle({ jobId: holdId, key: holdId, charged });
    await ledger.release({ jobId: holdId });
  }
}
