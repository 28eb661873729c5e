import type { ClaimResult } from "./room/contract";
import { getConfig } from "../config";
import type { Logger } from "../lib/logger";
import { backoffDelay } from "../llm/backoff";
import type { LlmClient } from "../llm/client";
import { generateLines, type RowResolution } from "../llm/generate";
import type { Limiter } from "../llm/limiter";
import { toProspect } from "../llm/prospect";
import type { TokenUsage } from "../llm/types";
import { CHECKPOINT_TAIL_ROWS, QUEUE_MAX_RETRIES } from "./constants";
import { RoomLinks } from "./gate";
import { chunkResultKey, roomFor } from "./keys";
import { countRows, generatedIn, isToDo, rowResultOf, startingRows, writeResult } from "./results";
import { readRange, SourceMissingError } from "./source";
import type { ChunkMessage, ChunkResultFile } from "./types";

/**
 * Runs one chunk message whose run was claimed from the JobRoom (which reserved its credits): read its
 * rows from R2, generate lines for the rows still to do, checkpoint to R2 as rows finish, write the
 * chunk's result and report it (the room charges the run once). Rows already settled by an earlier run
 * or checkpoint are kept, so a retried chunk resumes instead of starting over.
 */
export interface RunnerDeps {
  env: Env;
  client: LlmClient;
  limiter: Limiter;
  log: Logger;
  /** Token use of the whole invocation. */
  usage: TokenUsage;
  /** One heartbeat/gate link per job for the invocation. */
  links: RoomLinks;
}

export type RunOutcome =
  | { kind: "ack"; note: string; rows: number }
  | { kind: "retry"; delaySeconds: number; note: string; rows: number };

/** Seconds before a chunk message is tried again: 5 s, 10 s, 20 s, … up to 5 minutes, with jitter. */
export function chunkRetryDelay(attempts: number, serverMs: number | null = null): number {
  const jittered = Math.ceil(backoffDelay(attempts, CHUNK_BACKOFF) / 1000);
  return Math.max(jittered, serverMs === null ? 0 : Math.ceil(serverMs / 1000));
}

const CHUNK_BACKOFF = { baseMs: 5_000, capMs: 300_000 };

/**
 * Claims the chunk runs of a batch: one room call per job for all its messages (in batch order), so
 * claiming costs a round trip per job, not per chunk. Each message gets its own answer; a failed
 * call fails only that job's messages.
 */
export function claimBatch(env: Env, messages: ChunkMessage[]): Array<Promise<ClaimResult>> {
  const byJob = new Map<string, number[]>();
  messages.forEach((message, i) => {
    const positions = byJob.get(message.jobId);
    if (positions) positions.push(i);
    else byJob.set(message.jobId, [i]);
  });
  const claims: Array<Promise<ClaimResult>> = [];
  for (const [jobId, positions] of byJob) {
    const answers = roomFor(env, jobId).claimMany({ chunks: positions.map((i) => ({ chunk: messages[i]!.chunk, run: messages[i]!.run })) });
    positions.forEach((i, k) => (claims[i] = answers.then((all) => all[k]!)));
  }
  return claims;
}

export async function runChunkMessage(message: ChunkMessage, claim: ClaimResult, attempts: number, deps: RunnerDeps): Promise<RunOutcome> {
  if (claim.action === "skip") return { kind: "ack", note: `skipped: ${claim.why}`, rows: 0 };
  if (claim.action === "paused") return { kind: "ack", note: "job paused", rows: 0 };
  if (claim.action === "busy") return { kind: "retry", delaySeconds: claim.retryInSeconds, note: "chunk leased elsewhere", rows: 0 };
  return runClaimed(message, claim, attempts, deps);
}

type RunClaim = Extract<ClaimResult, { action: "run" }>;

async function runClaimed(message: ChunkMessage, claim: RunClaim, attempts: number, deps: RunnerDeps): Promise<RunOutcome> {
  const { env, log } = deps;
  const room = roomFor(env, message.jobId);
  const { range, run, leaseId, settings } = claim;
  const resultKey = chunkResultKey(claim.userId, message.jobId, range.chunk, run, leaseId);
  let checkpointKey: string | undefined;
  try {
    let cells: string[][];
    try {
      cells = await readRange(env.FILES, claim.normalizedKey, range);
    } catch (error) {
      if (!(error instanceof SourceMissingError)) throw error;
      await room.fail({ code: "upload_missing", message: "The job's upload was deleted before the job finished." });
      return { kind: "ack", note: "upload missing", rows: 0 };
    }
    const rows = await startingRows(env.FILES, claim.baseKey, range.rowCount);
    const file = (): ChunkResultFile => ({ v: 1, jobId: message.jobId, chunk: range.chunk, run, firstRow: range.firstRow, rows });

    const toDo: number[] = [];
    rows.forEach((row, i) => {
      if (isToDo(row, run, claim.retryFailed)) toDo.push(i);
    });
    // Never more rows than credits reserved for this run (a budget-limited job stops at its budget).
    const selected = toDo.slice(0, Math.max(0, claim.reserved - generatedIn(rows, run)));
    const prospects = selected.map((i) =>
      toProspect(range.firstRow + i, claim.columns, cells[i]!, settings.mapping, settings.extraColumns),
    );

    const gate = deps.links.for(message.jobId).register({ chunk: range.chunk, run, leaseId }, () => countRows(rows));
    const checkpointEveryMs = getConfig(env).JOB_CHECKPOINT_MS;
    let lastCheckpointAt = Date.now();
    let remaining = prospects.length;
    let checkpoints: Promise<void> = Promise.resolve();
    const checkpoint = async () => {
      await writeResult(env.FILES, resultKey, file());
      checkpointKey = resultKey;
      await gate.checkpoint(resultKey);
    };
    let resolutions: Map<string, RowResolution>;
    try {
      resolutions = await generateLines(prospects, {
        client: deps.client,
        limiter: deps.limiter,
        context: settings.context,
        rowsPerRequest: settings.rowsPerRequest,
        proceed: gate.proceed,
        usage: deps.usage,
        onOutcome: (id, outcome) => {
          const i = Number(id) - range.firstRow;
          rows[i] = rowResultOf(outcome, run);
          remaining--;
          // No checkpoint right before the end: the final write follows anyway.
          if (remaining >= CHECKPOINT_TAIL_ROWS && Date.now() - lastCheckpointAt >= checkpointEveryMs) {
            lastCheckpointAt = Date.now();
            checkpoints = checkpoints.then(checkpoint);
          }
        },
      });
    } finally {
      gate.close();
    }
    await checkpoints;

    const unavailable = [...resolutions.entries()].filter(
      (entry): entry is [string, Extract<RowResolution, { status: "pending" }>] =>
        entry[1].status === "pending" && entry[1].why === "unavailable",
    );
    if (unavailable.length > 0) {
      if (attempts <= QUEUE_MAX_RETRIES) {
        // The LLM is not answering: keep what is done and let the queue bring the chunk back later.
        await writeResult(env.FILES, resultKey, file());
        checkpointKey = resultKey;
        await room.releaseLease({ chunk: range.chunk, run, leaseId, checkpointKey });
        const serverMs = Math.max(...unavailable.map(([, r]) => r.retryAfterMs ?? 0));
        log.warn("LLM unavailable, chunk retried later", { jobId: message.jobId, chunk: range.chunk, rows: unavailable.length });
        return { kind: "retry", delaySeconds: chunkRetryDelay(attempts, serverMs || null), note: "llm unavailable", rows: prospects.length - unavailable.length };
      }
      for (const [id, resolution] of unavailable) rows[Number(id) - range.firstRow] = rowResultOf(resolution, run);
    }

    await writeResult(env.FILES, resultKey, file());
    const counts = countRows(rows);
    const { accepted } = await room.complete({ chunk: range.chunk, run, leaseId, resultKey, counts, charge: generatedIn(rows, run) });
    if (!accepted) log.warn("chunk result not accepted (lease lost)", { jobId: message.jobId, chunk: range.chunk, run });
    return { kind: "ack", note: accepted ? "completed" : "lease lost", rows: prospects.length };
  } catch (error) {
    // Give the chunk back (with the last checkpoint) so the retry resumes at once instead of waiting
    // for the lease to expire.
    await room.releaseLease({ chunk: range.chunk, run, leaseId, checkpointKey }).catch(() => undefined);
    throw error;
  }
}

/**
 * The dead-letter path: a chunk run that failed every delivery. Lines its checkpoint already holds are
 * kept (and charged, they passed the checks); every other row still to do is marked failed, uncharged.
 */
export async function failDeadChunk(message: ChunkMessage, deps: Pick<RunnerDeps, "env" | "log">): Promise<RunOutcome> {
  const room = roomFor(deps.env, message.jobId);
  const claim = await room.claim({ chunk: message.chunk, run: message.run, deadLetter: true });
  if (claim.action !== "run") return { kind: "ack", note: `dead letter ignored: ${claim.action}`, rows: 0 };
  const { range, run, leaseId } = claim;
  const rows = await startingRows(deps.env.FILES, claim.baseKey, range.rowCount);
  let marked = 0;
  rows.forEach((row, i) => {
    if (isToDo(row, run, claim.retryFailed)) {
      rows[i] = { status: "failed", reason: "processing_failed: this part of the file failed every attempt", run };
      marked++;
    }
  });
  const resultKey = chunkResultKey(claim.userId, message.jobId, range.chunk, run, leaseId);
  await writeResult(deps.env.FILES, resultKey, { v: 1, jobId: message.jobId, chunk: range.chunk, run, firstRow: range.firstRow, rows });
  await room.complete({ chunk: range.chunk, run, leaseId, resultKey, counts: countRows(rows), charge: generatedIn(rows, run) });
  deps.log.error("chunk dead-lettered; rows marked failed", { jobId: message.jobId, chunk: range.chunk, run, rows: marked });
  return { kind: "ack", note: "dead-lettered", rows: marked };
}
