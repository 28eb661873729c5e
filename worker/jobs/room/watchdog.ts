import { ledgerFor } from "../../credits/ledger";
import { WATCHDOG_MIN_MS, WATCHDOG_MS } from "../constants";
import { chunkRunKey } from "../keys";
import { isTerminal, type JobRecord } from "../types";
import type { ChunkRow } from "./chunks";
import { applyCredits, type RoomContext } from "./context";
import { sendChunks } from "./dispatch";
import { lostCheckAt, lostQueuedChunks } from "./lost-messages";
import { finishSettlement } from "./leases";
import { topUpOrPause } from "./lifecycle";

/**
 * The room's alarm, every WATCHDOG_MS while a job is active, sooner when a lease runs out or a queued
 * message could count as lost before that (ADR 067): finishes settlements an eviction interrupted,
 * takes back expired leases and sends again what never arrived (ADR 020). Answers whether the room
 * should be wiped (its job's D1 row is gone with the account).
 */
export async function watch(room: RoomContext): Promise<"wipe" | "watched" | "idle"> {
  const job = room.jobs.load();
  if (!job) return "idle";
  // The account (and with it the job's row and files) was deleted: nothing left to watch over.
  if (!(await jobRowExists(room.env, job.id))) return "wipe";
  const now = Date.now();
  for (const c of room.chunks.inState("settling")) await finishSettlement(room, job, c);
  const expired = room.chunks.expiredLeases(now);
  if (isTerminal(job.status)) await cancelDeadLeases(room, job, expired);
  else await resend(room, job, expired, now);
  await room.live.syncD1();
  const stillRunning = room.chunks.count(["running", "settling", "queued"]) > 0;
  if (job.status === "running" || job.status === "queued" || stillRunning) {
    await room.ctx.storage.setAlarm(nextWatchAt(room, Date.now()));
  }
  return "watched";
}

/**
 * The next round: WATCHDOG_MS from now, or just after the first lease runs out (a consumer that died
 * holding it is found then, not up to a period later), or when the oldest queued message could count
 * as lost; never sooner than WATCHDOG_MIN_MS. Live leases are renewed far ahead of their end, so a
 * running job's watchdog still wakes about once a period.
 */
export function nextWatchAt(room: RoomContext, now: number): number {
  const { leaseUntil, enqueuedAt } = room.chunks.deadlines();
  const due = [now + WATCHDOG_MS, leaseUntil === null ? null : leaseUntil + 1, lostCheckAt(room, enqueuedAt)].filter((at) => at !== null);
  return Math.max(now + WATCHDOG_MIN_MS, Math.min(...due));
}

/** A canceled job's dead leases: nothing was reported, so nothing is charged. */
async function cancelDeadLeases(room: RoomContext, job: JobRecord, expired: ChunkRow[]): Promise<void> {
  const ledger = ledgerFor(room.env, job.userId);
  for (const c of expired) {
    await ledger.settle({ jobId: job.id, key: chunkRunKey(job.id, c.idx, c.run), charged: 0 });
    room.chunks.transition("running", "canceled", { idx: c.idx, set: { lease_id: null, checkpoint_key: null, live_generated: null, live_failed: null } });
  }
  applyCredits(job, await ledger.jobCredits({ jobId: job.id }));
  room.jobs.save(job);
}

async function resend(room: RoomContext, job: JobRecord, expired: ChunkRow[], now: number): Promise<void> {
  const chunks = [...expired, ...lostQueuedChunks(room, now)];
  if (chunks.length > 0) {
    room.log.warn("watchdog re-enqueues chunks", { jobId: job.id, chunks: chunks.map((c) => c.idx) });
    for (const c of expired) room.chunks.update(c.idx, { lease_id: null, live_generated: null, live_failed: null });
    await sendChunks(room, chunks);
  }
  if (job.status === "running" || job.status === "queued") await topUpOrPause(room, job);
}

async function jobRowExists(env: Env, id: string): Promise<boolean> {
  const row = await env.DB.prepare("SELECT 1 AS found FROM jobs WHERE id = ?").bind(id).first();
  return row !== null;
}
