import { ledgerFor } from "../../credits/ledger";
import type { JobCredits } from "../../credits/contract";
import { variantsOf } from "../../llm/types";
import { WATCHDOG_MS } from "../constants";
import { isTerminal, type JobRecord } from "../types";
import { NOT_STARTED } from "./chunks";
import type { ControlResult } from "./contract";
import { applyCredits, type RoomContext } from "./context";
import { finish, pauseFor, resume, topUpOrPause } from "./lifecycle";

/** The user's controls (cancel, pause, resume, retry failed rows) and the resume after a grant. */

const conflict = (room: RoomContext, message: string): ControlResult => ({ ok: false, code: "conflict", message, job: room.live.snapshot() });
const neverStarted: ControlResult = { ok: false, code: "conflict", message: "This job never started.", job: null };
const accepted = (room: RoomContext): ControlResult => ({ ok: true, job: room.live.snapshot() });

export async function cancelJob(room: RoomContext): Promise<ControlResult> {
  const job = room.jobs.load();
  if (!job) return neverStarted;
  if (isTerminal(job.status)) return conflict(room, `The job is already ${job.status}.`);
  room.chunks.transition(NOT_STARTED, "canceled");
  await finish(room, job, "canceled");
  return accepted(room);
}

/** A job that cannot go on at all (its upload is gone). */
export async function failJob(room: RoomContext, error: { code: string; message: string }): Promise<void> {
  const job = room.jobs.require();
  if (isTerminal(job.status)) return;
  job.error = error;
  room.chunks.transition(NOT_STARTED, "canceled");
  await finish(room, job, "failed");
}

export async function pauseJob(room: RoomContext): Promise<ControlResult> {
  const job = room.jobs.load();
  if (!job) return neverStarted;
  if (job.status !== "queued" && job.status !== "running") return conflict(room, `Only a queued or running job can be paused; this one is ${job.status}.`);
  await pauseFor(room, job, "user");
  return accepted(room);
}

export async function resumeJob(room: RoomContext, input: { maxCredits?: number }): Promise<ControlResult> {
  const job = room.jobs.load();
  if (!job) return neverStarted;
  if (job.status !== "paused") return conflict(room, `Only a paused job can be resumed; this one is ${job.status}.`);
  const credits = await creditsAfterBudget(room, job, input.maxCredits);
  applyCredits(job, credits);
  room.jobs.save(job);
  const variants = variantsOf(job.settings.context);
  if (room.chunks.count(["pending", "blocked"]) > 0 && credits.available < variants) {
    const rowCount = job.total - room.chunks.counters().processed;
    const { balance } = await ledgerFor(room.env, job.userId).getBalance();
    return {
      ok: false,
      code: "insufficient_credits",
      message: "The job has no credits left to go on: add credits or raise maxCredits.",
      job: room.live.snapshot(),
      details: { rowCount, ...(variants > 1 ? { variants } : {}), balance, missing: Math.max(1, rowCount * variants - balance) },
    };
  }
  await resume(room, job);
  return accepted(room);
}

/** The job's credits, after setting its new budget (maxCredits) when the resume changes it. */
async function creditsAfterBudget(room: RoomContext, job: JobRecord, maxCredits: number | undefined): Promise<JobCredits> {
  const ledger = ledgerFor(room.env, job.userId);
  if (maxCredits === undefined || maxCredits === job.settings.maxCredits) return ledger.jobCredits({ jobId: job.id });
  job.settings.maxCredits = maxCredits;
  return (await ledger.setBudget({ jobId: job.id, budget: maxCredits })).job;
}

/** After a grant: a job paused for lack of credits goes on by itself if it can now reserve some. */
export async function resumeAfterGrant(room: RoomContext): Promise<boolean> {
  const job = room.jobs.load();
  if (!job || job.status !== "paused" || job.pauseReason !== "budget") return false;
  const credits = await ledgerFor(room.env, job.userId).jobCredits({ jobId: job.id });
  applyCredits(job, credits);
  if (credits.available < variantsOf(job.settings.context)) {
    room.jobs.save(job);
    return false;
  }
  await resume(room, job);
  return true;
}

/**
 * Failed rows get a new run, with credits held for them first (402 when short, as at the start).
 * `settledRows`: failed rows the user has given a line since; the runs skip them (ADR 071), and the
 * hold still covers them (each chunk reserves for all its failed rows; what is left goes back at the end).
 */
export async function retryFailedRows(room: RoomContext, input: { settledRows?: number } = {}): Promise<ControlResult> {
  const job = room.jobs.load();
  if (!job) return neverStarted;
  if (job.mode !== "full") return conflict(room, "A preview cannot be retried; start a full job.");
  if (job.status !== "succeeded" && job.status !== "failed") return conflict(room, `Failed rows can be retried once the job has ended; it is ${job.status}.`);
  const failed = room.chunks.retryableFailedRows();
  if (failed === 0) return conflict(room, "The job has no failed rows.");
  if (failed <= (input.settledRows ?? 0)) return conflict(room, "Every failed row has a line now (regenerated or your own): nothing is left to retry.");
  const ledger = ledgerFor(room.env, job.userId);
  const variants = variantsOf(job.settings.context);
  const hold = await ledger.hold({ jobId: job.id, amount: failed * variants, budget: job.settings.maxCredits ?? undefined, key: `retry:${job.id}:${job.retryPasses + 1}` });
  if (!hold.ok) {
    return {
      ok: false,
      code: "insufficient_credits",
      message: `Retrying ${failed} failed rows needs ${failed * variants} credits; ${hold.balance} are available.`,
      job: room.live.snapshot(),
      details: { rowCount: failed, ...(variants > 1 ? { variants } : {}), balance: hold.balance, missing: hold.missing },
    };
  }
  room.chunks.transition("done", "pending", { withFailedRows: true, nextRun: true, set: { retry_failed: 1 } });
  job.status = "queued";
  job.pauseReason = null;
  job.finishedAt = null;
  job.error = null;
  job.retryPasses += 1;
  applyCredits(job, await ledger.jobCredits({ jobId: job.id }));
  room.jobs.save(job);
  room.live.resetRate();
  room.live.changed(true);
  await topUpOrPause(room, job);
  await room.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
  return accepted(room);
}
