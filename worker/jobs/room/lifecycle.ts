import { ledgerFor } from "../../credits/ledger";
import { WATCHDOG_MS } from "../constants";
import { isTerminal, type JobRecord, type PauseReason, type PublicJob } from "../types";
import { UNFINISHED } from "./chunks";
import type { InitInput } from "./contract";
import { applyCredits, type RoomContext } from "./context";
import { sendWebhook } from "./dispatch";
import { topUpWindow } from "./window";
import type { JobCredits } from "../../credits/contract";

/**
 * The job's status machine: queued → running → succeeded | failed | canceled, with paused (for the
 * user or the budget) in between. These are the only functions that change `job.status` once the job
 * is started (except a lease's first run, which marks it running).
 */

/** Records the job and its chunks and sends the chunks to the queue (a preview arrives finished). */
export async function start(room: RoomContext, input: InitInput): Promise<PublicJob> {
  if (room.jobs.load()) return room.live.snapshot();
  room.ctx.storage.transactionSync(() => {
    room.jobs.insert(input.job);
    room.chunks.insert(input.chunks);
    if (input.preview) {
      const { resultKey, generated, failed } = input.preview;
      room.chunks.transition("pending", "done", { set: { result_key: resultKey, generated, failed, pending: 0 } });
    }
  });
  if (input.job.mode === "full" && !isTerminal(input.job.status)) {
    await room.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
    try {
      if (input.fanOut === false) room.chunks.transition("pending", "queued", { set: { enqueued_at: Date.now() } });
      else await topUpOrPause(room, room.jobs.require());
    } catch (error) {
      // The job exists and its credits are held: the watchdog sends what is still pending, soon.
      room.log.error("enqueue at start failed", { jobId: input.job.id, error });
      await room.ctx.storage.setAlarm(Date.now() + 5_000);
    }
    if (input.chunks.length === 0) await finishIfDone(room);
  }
  return room.live.snapshot();
}

export async function pauseFor(room: RoomContext, job: JobRecord, reason: PauseReason): Promise<void> {
  if (job.status !== "running" && job.status !== "queued") return;
  job.status = "paused";
  job.pauseReason = reason;
  room.jobs.save(job);
  room.live.changed(true);
  await sendWebhook(room, job, "job.paused");
}

/** Goes on after a pause: blocked chunks get another try at reserving credits. */
export async function resume(room: RoomContext, job: JobRecord): Promise<void> {
  job.status = job.startedAt ? "running" : "queued";
  job.pauseReason = null;
  room.jobs.save(job);
  room.chunks.transition("blocked", "pending");
  room.live.resetRate();
  room.live.changed(true);
  await topUpOrPause(room, job);
  await room.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
}

/**
 * Sends the next chunks the window and the job's credits allow; when its credits pay for none and
 * none is in the queue, the job pauses for budget, so a grant (or a raised maxCredits) resumes it.
 */
export async function topUpOrPause(room: RoomContext, job: JobRecord, credits?: JobCredits): Promise<void> {
  if ((await topUpWindow(room, credits)) === "starved") await pauseFor(room, job, "budget");
}

/** Ends the job once no chunk has work ahead: failed if no row got a line, succeeded otherwise. */
export async function finishIfDone(room: RoomContext): Promise<void> {
  const job = room.jobs.require();
  if (isTerminal(job.status)) return;
  if (room.chunks.count(UNFINISHED) > 0) return;
  const counters = room.chunks.counters();
  if (counters.succeeded === 0 && counters.failed > 0) {
    job.error = { code: "all_rows_failed", message: "No line passed the checks; each row says why." };
    await finish(room, job, "failed");
  } else {
    await finish(room, job, "succeeded");
  }
}

/** Ends the job: the unused hold goes back, and a webhook says so (none for a cancel: the user asked). */
export async function finish(room: RoomContext, job: JobRecord, status: "succeeded" | "failed" | "canceled"): Promise<void> {
  job.status = status;
  job.pauseReason = null;
  job.finishedAt = new Date().toISOString();
  const ledger = ledgerFor(room.env, job.userId);
  if (job.mode === "full") {
    await ledger.release({ jobId: job.id });
    applyCredits(job, await ledger.jobCredits({ jobId: job.id }));
  }
  room.jobs.save(job);
  room.live.changed(true);
  if (status !== "canceled") await sendWebhook(room, job, status === "succeeded" ? "job.succeeded" : "job.failed");
}
