import { ledgerFor } from "../../credits/ledger";
import { randomHex } from "../../lib/ids";
import { LEASE_MS } from "../constants";
import { chunkRunKey } from "../keys";
import { variantsOf } from "../../llm/types";
import { isTerminal, type JobRecord } from "../types";
import { LEASABLE, NO_LEASE, rangeOf, rowsToReserve, type ChunkRow, type ChunkState } from "./chunks";
import type { ChunkRunRef, LeaseAnswer, CompleteInput, LeaseRenewal } from "./contract";
import { applyCredits, type RoomContext } from "./context";
import { noteLeased } from "./lost-messages";
import { finishIfDone, pauseFor, topUpOrPause } from "./lifecycle";

/**
 * The room's side of the consumer protocol (ADR 020): chunk runs are leased to consumers, renewed
 * while they run, released when given back unfinished and completed once with their result.
 */

interface LeaseRequest {
  chunks: ChunkRunRef[];
  deadLetter?: boolean;
}

/**
 * Leases chunk runs to one consumer invocation, in the order given, with one call to the ledger
 * (which reserves each run's credits). A run the ledger can reserve nothing for is `blocked` and
 * pauses the job (budget). The dead-letter path leases without reserving: it only marks rows failed.
 */
export async function leaseRuns(room: RoomContext, input: LeaseRequest): Promise<LeaseAnswer[]> {
  const job = room.jobs.load();
  const now = Date.now();
  const results: LeaseAnswer[] = [];
  const toLease: Array<{ at: number; c: ChunkRow }> = [];
  const taken = new Set<number>();
  if (!input.deadLetter) noteLeased(room);
  input.chunks.forEach((ref, at) => {
    const c = room.chunks.get(ref.chunk);
    const refusal = !job || !c ? { action: "skip" as const, why: "unknown job or chunk" } : refuse(room, job, c, ref, input, taken, now);
    if (refusal) results[at] = refusal;
    else {
      taken.add(c!.idx);
      toLease.push({ at, c: c! });
    }
  });
  if (!job || toLease.length === 0) return results;

  const reservations = input.deadLetter ? toLease.map(() => 0) : await reserveRuns(room, job, toLease.map(({ c }) => c));
  let outOfCredits = false;
  toLease.forEach(({ at, c }, i) => {
    if (!input.deadLetter && reservations[i] === 0) {
      room.chunks.transition(LEASABLE, "blocked", { idx: c.idx, set: { lease_id: null, lease_until: null } });
      outOfCredits = true;
      results[at] = { action: "paused" };
    } else results[at] = grant(room, job, c, reservations[i]!, now);
  });
  const started = job.status === "queued" && results.some((r) => r.action === "run");
  if (started) {
    job.status = "running";
    job.startedAt ??= new Date(now).toISOString();
  }
  room.jobs.save(job);
  room.live.changed(started);
  if (outOfCredits) await pauseFor(room, job, "budget");
  return results;
}

const FINAL_FOR_CONSUMERS: readonly ChunkState[] = ["done", "canceled", "blocked", "settling"];

/** Why a chunk run cannot be leased now (or undefined: it can). */
function refuse(room: RoomContext, job: JobRecord, c: ChunkRow, ref: ChunkRunRef, input: LeaseRequest, taken: Set<number>, now: number): LeaseAnswer | undefined {
  if (isTerminal(job.status)) return { action: "skip", why: `job ${job.status}` };
  if (ref.run !== c.run) return { action: "skip", why: "superseded run" };
  if (FINAL_FOR_CONSUMERS.includes(c.state)) return { action: "skip", why: `chunk ${c.state}` };
  // Leased already, or by an earlier copy of the same message in this batch.
  const leasedUntil = taken.has(c.idx) ? now + LEASE_MS : c.state === "running" ? (c.lease_until ?? 0) : 0;
  if (leasedUntil > now) {
    if (input.deadLetter) return { action: "skip", why: "chunk is being processed" };
    return { action: "busy", retryInSeconds: Math.min(120, Math.ceil((leasedUntil - now) / 1000) + 1) };
  }
  if (!input.deadLetter && job.status === "paused") {
    room.chunks.transition(LEASABLE, "pending", { idx: c.idx, set: { lease_id: null, lease_until: null } });
    return { action: "paused" };
  }
  return undefined;
}

/** Reserves each run's credits in one ledger call: all its rows the first time, then what is left. */
async function reserveRuns(room: RoomContext, job: JobRecord, chunks: ChunkRow[]): Promise<number[]> {
  const reserved = await ledgerFor(room.env, job.userId).reserveMany(
    chunks.map((c) => ({
      jobId: job.id,
      key: chunkRunKey(job.id, c.idx, c.run),
      amount: rowsToReserve(c) * variantsOf(job.settings.context),
    })),
  );
  applyCredits(job, reserved[reserved.length - 1]!.job);
  return reserved.map((r) => r.reserved);
}

function grant(room: RoomContext, job: JobRecord, c: ChunkRow, reserved: number, now: number): LeaseAnswer {
  const leaseId = randomHex(6);
  room.chunks.transition(LEASABLE, "running", {
    idx: c.idx,
    set: { lease_id: leaseId, lease_until: now + LEASE_MS, live_generated: null, live_failed: null },
  });
  return {
    action: "run",
    leaseId,
    run: c.run,
    reserved,
    retryFailed: c.retry_failed === 1,
    baseKey: c.checkpoint_key ?? c.result_key,
    userId: job.userId,
    normalizedKey: job.normalizedKey,
    columns: job.columns,
    settings: job.settings,
    range: rangeOf(c),
  };
}

const holds = (c: ChunkRow | undefined, lease: { run: number; leaseId: string }): c is ChunkRow =>
  !!c && c.run === lease.run && c.lease_id === lease.leaseId && c.state === "running";

/**
 * Renews all the leases one consumer invocation holds in this job, records their live counts (and
 * latest checkpoints), and answers for each whether it may make its next LLM call.
 */
export function renewLeases(room: RoomContext, leases: LeaseRenewal[]): boolean[] {
  const job = room.jobs.load();
  if (!job) return leases.map(() => false);
  // A budget pause stops new chunks from starting; runs that already hold credits finish them.
  const active = job.status === "running" || job.status === "queued" || (job.status === "paused" && job.pauseReason === "budget");
  const proceed = leases.map((lease) => {
    const c = room.chunks.get(lease.chunk);
    if (!holds(c, lease)) return false;
    room.chunks.update(c.idx, {
      lease_until: Date.now() + LEASE_MS,
      live_generated: lease.generated,
      live_failed: lease.failed,
      checkpoint_key: lease.checkpointKey ?? undefined,
    });
    return active;
  });
  room.live.changed(false);
  return proceed;
}

/** The consumer gives the chunk back without finishing (LLM unreachable, crash): the queue retries it. */
export function releaseLease(room: RoomContext, input: { chunk: number; run: number; leaseId: string; checkpointKey?: string }): boolean {
  const c = room.chunks.get(input.chunk);
  if (!holds(c, input)) return false;
  room.chunks.transition("running", "queued", {
    idx: c.idx,
    set: { ...NO_LEASE, enqueued_at: Date.now(), checkpoint_key: input.checkpointKey ?? undefined },
  });
  room.live.changed(false);
  return true;
}

/** A run's end: charge its lines once (keyed by the chunk run), keep its result, decide what is next. */
export async function completeRun(room: RoomContext, input: CompleteInput): Promise<boolean> {
  const job = room.jobs.load();
  const c = room.chunks.get(input.chunk);
  if (!job || !c || c.run !== input.run || c.lease_id !== input.leaseId || (c.state !== "running" && c.state !== "settling")) return false;
  if (c.state === "running") {
    // Intent first: if we die while the ledger settles, the watchdog finishes this exact settlement.
    const { generated, failed, pending } = input.counts;
    room.chunks.transition("running", "settling", {
      idx: c.idx,
      set: { settle_key: input.resultKey, settle_charge: input.charge, settle_generated: generated, settle_failed: failed, settle_pending: pending },
    });
  }
  await finishSettlement(room, job, room.chunks.get(input.chunk)!);
  return true;
}

/** Ends a settlement whose intent is recorded on the chunk: charge once, keep the result, move on. */
export async function finishSettlement(room: RoomContext, job: JobRecord, c: ChunkRow): Promise<void> {
  const settled = await ledgerFor(room.env, job.userId).settle({ jobId: job.id, key: chunkRunKey(job.id, c.idx, c.run), charged: c.settle_charge ?? 0 });
  applyCredits(job, settled.job);
  const pending = c.settle_pending ?? 0;
  let next: ChunkState = "done";
  if (pending > 0) {
    if (isTerminal(job.status)) next = "canceled";
    else if (job.status === "paused") next = "pending";
    // A row costs a credit per variant: fewer credits than that cannot write the next row.
    else next = settled.job.available >= variantsOf(job.settings.context) ? "pending" : "blocked";
  }
  room.chunks.transition("settling", next, {
    idx: c.idx,
    nextRun: pending > 0,
    set: {
      ...NO_LEASE,
      retry_failed: 0,
      result_key: c.settle_key,
      generated: c.settle_generated ?? 0,
      failed: c.settle_failed ?? 0,
      pending,
      checkpoint_key: null,
      settle_key: null,
      settle_charge: null,
      settle_generated: null,
      settle_failed: null,
      settle_pending: null,
    },
  });
  room.jobs.save(job);
  room.live.changed(false);
  if (next === "blocked") await pauseFor(room, job, "budget");
  else if (job.status === "running" || job.status === "queued") await topUpOrPause(room, job, settled.job);
  await finishIfDone(room);
}
