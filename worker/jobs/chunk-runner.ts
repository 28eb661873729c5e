import type { LeaseAnswer } from "./room/contract";
import type { Config } from "../config";
import type { ConnectionBudget } from "../lib/connections";
import type { Logger } from "../lib/logger";
import { backoffDelay } from "../llm/backoff";
import type { LlmClient } from "../llm/client";
import { generateLines, type RowResolution } from "../llm/generate";
import type { Limiter } from "../llm/limiter";
import { fenceFor } from "../llm/prompt";
import { toProspect } from "../llm/prospect";
import { variantsOf, type TokenUsage } from "../llm/types";
import { researchProspects, withResearch, type RowResearch } from "../research/enrich";
import type { SiteResearcher } from "../research/researcher";
import { CHECKPOINT_TAIL_ROWS, QUEUE_MAX_RETRIES } from "./constants";
import { LeaseKeepers } from "./lease-keeper";
import { chunkResultKey, roomFor } from "./keys";
import { countRows, generatedIn, isToDo, rowResultOf, startingRows, writeResult } from "./results";
import { rowsWithOwnLines } from "./row-overrides";
import { readChunkCells, SourceMissingError } from "./source";
import type { ChunkMessage, ChunkResultFile, RowResult } from "./types";

/**
 * Runs one chunk message whose run was leased from the JobRoom (which reserved its credits): read its
 * rows from R2, generate lines for the rows still to do, checkpoint to R2 as rows finish, write the
 * chunk's result and report it (the room charges the run once). Rows already settled by an earlier run
 * or checkpoint are kept, so a retried chunk resumes instead of starting over.
 */
export interface RunnerDeps {
  env: Env;
  /** Parsed once by the queue entry for the whole invocation. */
  config: Config;
  client: LlmClient;
  limiter: Limiter;
  /** The invocation's header slots: R2 reads and writes take one too (worker/lib/connections.ts). */
  connections: ConnectionBudget;
  log: Logger;
  /** Token use of the whole invocation. */
  usage: TokenUsage;
  /** One lease keeper per job for the invocation: renews its leases, says whether each may go on. */
  keepers: LeaseKeepers;
  /** Website research of the invocation (one read per domain, shared by its chunks). */
  researcher: SiteResearcher;
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
 * Leases the chunk runs of a batch: one room call per job for all its messages (in batch order), so
 * leasing costs a round trip per job, not per chunk. Each message gets its own answer; a failed
 * call fails only that job's messages.
 */
export function leaseBatch(env: Env, messages: ChunkMessage[]): Array<Promise<LeaseAnswer>> {
  const byJob = new Map<string, number[]>();
  messages.forEach((message, i) => {
    const positions = byJob.get(message.jobId);
    if (positions) positions.push(i);
    else byJob.set(message.jobId, [i]);
  });
  const leases: Array<Promise<LeaseAnswer>> = [];
  for (const [jobId, positions] of byJob) {
    const answers = roomFor(env, jobId).leaseMany({ chunks: positions.map((i) => ({ chunk: messages[i]!.chunk, run: messages[i]!.run })) });
    positions.forEach((i, k) => (leases[i] = answers.then((all) => all[k]!)));
  }
  return leases;
}

export async function runChunkMessage(message: ChunkMessage, lease: LeaseAnswer, attempts: number, deps: RunnerDeps): Promise<RunOutcome> {
  if (lease.action === "skip") return { kind: "ack", note: `skipped: ${lease.why}`, rows: 0 };
  if (lease.action === "paused") return { kind: "ack", note: "job paused", rows: 0 };
  if (lease.action === "busy") return { kind: "retry", delaySeconds: lease.retryInSeconds, note: "chunk leased elsewhere", rows: 0 };
  return runLeased(message, lease, attempts, deps);
}

type RunLease = Extract<LeaseAnswer, { action: "run" }>;
type Prospect = ReturnType<typeof toProspect>;
type Unavailable = Array<[string, Extract<RowResolution, { status: "pending" }>]>;

/** One leased chunk run in progress: its rows, where its result goes, and its last checkpoint. */
class LeasedRun {
  readonly room: ReturnType<typeof roomFor>;
  readonly resultKey: string;
  readonly ids: { chunk: number; run: number; leaseId: string };
  rows: RowResult[] = [];
  /** Set once a checkpoint is in R2: a run given back resumes from it. */
  checkpointKey: string | undefined;
  /** What website research gave each row, by row id (jobs that research only). */
  research: Map<string, RowResearch> | undefined;

  constructor(
    readonly message: ChunkMessage,
    readonly lease: RunLease,
    readonly deps: RunnerDeps,
  ) {
    this.room = roomFor(deps.env, message.jobId);
    this.resultKey = chunkResultKey(lease.userId, message.jobId, lease.range.chunk, lease.run, lease.leaseId);
    this.ids = { chunk: lease.range.chunk, run: lease.run, leaseId: lease.leaseId };
  }

  file(): ChunkResultFile {
    const { range, run } = this.lease;
    return { v: 1, jobId: this.message.jobId, chunk: range.chunk, run, firstRow: range.firstRow, rows: this.rows };
  }

  /** Writes the rows so far; the room learns of it with the next renewal or release. */
  async checkpoint(): Promise<void> {
    await this.deps.connections.run(() => writeResult(this.deps.env.FILES, this.resultKey, this.file()));
    this.checkpointKey = this.resultKey;
  }

  /** Gives the lease back (with the last checkpoint) so a retry resumes at once, not after the lease expires. */
  release() {
    return this.room.release({ ...this.ids, checkpointKey: this.checkpointKey });
  }

  /**
   * After the room refused this run's result: if the job is gone (its account was deleted while the
   * LLM answered), the file just written is all that is left of it, so it goes too (ADR 068).
   */
  async dropIfJobGone(): Promise<void> {
    if ((await this.room.read()) === null) await this.deps.env.FILES.delete(this.resultKey);
  }
}

async function runLeased(message: ChunkMessage, lease: RunLease, attempts: number, deps: RunnerDeps): Promise<RunOutcome> {
  const run = new LeasedRun(message, lease, deps);
  try {
    const cells = await readLeasedRange(run);
    if (!cells) return { kind: "ack", note: "upload missing", rows: 0 };
    run.rows = await deps.connections.run(() => startingRows(deps.env.FILES, lease.baseKey, lease.range.rowCount));
    // A failed row the user has since given a line (regenerated or their own) is not retried (ADR 071).
    const ownLines = lease.retryFailed ? await rowsWithOwnLines(deps.env, message.jobId, { first: lease.range.firstRow, last: lease.range.firstRow + lease.range.rowCount - 1 }) : undefined;
    const prospects = prospectsToDo(run, cells, ownLines);
    const unavailable = unavailableRows(await generateWithCheckpoints(run, prospects));
    if (unavailable.length > 0) {
      if (attempts <= QUEUE_MAX_RETRIES) return await retryLater(run, unavailable, attempts, prospects.length);
      for (const [id, resolution] of unavailable) run.rows[Number(id) - lease.range.firstRow] = withResearch(rowResultOf(resolution, lease.run), run.research?.get(id));
    }
    return await reportResult(run, prospects.length);
  } catch (error) {
    await run.release().catch(() => undefined);
    throw error;
  }
}

/** The run's rows of the upload, or null when the upload is gone (the job then fails: it cannot go on). */
async function readLeasedRange(run: LeasedRun): Promise<string[][] | null> {
  try {
    return await run.deps.connections.run(() => readChunkCells(run.deps.env.FILES, run.lease.normalizedKey, run.lease.range));
  } catch (error) {
    if (!(error instanceof SourceMissingError)) throw error;
    await run.room.fail({ code: "upload_missing", message: "The job's upload was deleted before the job finished." });
    return null;
  }
}

/** The rows still to do, never more than the credits reserved for this run (a budget-limited job stops at its budget). */
function prospectsToDo(run: LeasedRun, cells: string[][], ownLines?: Set<number>): Prospect[] {
  const { range, columns, settings, reserved, retryFailed } = run.lease;
  const toDo: number[] = [];
  run.rows.forEach((row, i) => {
    if (isToDo(row, run.lease.run, retryFailed) && !(row.status === "failed" && ownLines?.has(range.firstRow + i))) toDo.push(i);
  });
  // Each row may cost one credit per variant, so the reservation covers that many fewer rows.
  const rowsCovered = Math.floor(Math.max(0, reserved - generatedIn(run.rows, run.lease.run)) / variantsOf(settings.context));
  const selected = toDo.slice(0, rowsCovered);
  return selected.map((i) => toProspect(range.firstRow + i, columns, cells[i]!, settings.mapping, settings.extraColumns));
}

/**
 * Generates the lines while the lease is held (renewed by the invocation's keeper, which also says
 * whether each next LLM call may go), checkpointing to R2 every JOB_CHECKPOINT_MS as rows finish.
 */
async function generateWithCheckpoints(run: LeasedRun, prospects: Prospect[]): Promise<Map<string, RowResolution>> {
  const { env } = run.deps;
  const { range, settings } = run.lease;
  const held = run.deps.keepers.for(run.message.jobId).hold(run.ids, () => countRows(run.rows));
  const checkpointEveryMs = run.deps.config.JOB_CHECKPOINT_MS;
  let lastCheckpointAt = Date.now();
  let remaining = prospects.length;
  let checkpoints: Promise<void> = Promise.resolve();
  const checkpoint = async () => {
    await run.checkpoint();
    await held.checkpoint(run.resultKey);
  };
  let resolutions: Map<string, RowResolution>;
  try {
    // Before the prompt is built: the fact sheets become the rows' `website` field.
    if (settings.research?.website) run.research = await researchProspects(prospects, run.deps.researcher);
    resolutions = await generateLines(prospects, {
      client: run.deps.client,
      limiter: run.deps.limiter,
      context: settings.context,
      fence: fenceFor(run.message.jobId),
      shareKey: run.message.jobId,
      rowsPerRequest: settings.rowsPerRequest,
      proceed: held.proceed,
      usage: run.deps.usage,
      onOutcome: (id, outcome) => {
        run.rows[Number(id) - range.firstRow] = withResearch(rowResultOf(outcome, run.lease.run), run.research?.get(id));
        remaining--;
        // No checkpoint right before the end: the final write follows anyway.
        if (remaining >= CHECKPOINT_TAIL_ROWS && Date.now() - lastCheckpointAt >= checkpointEveryMs) {
          lastCheckpointAt = Date.now();
          checkpoints = checkpoints.then(checkpoint);
        }
      },
    });
  } finally {
    held.close();
  }
  await checkpoints;
  return resolutions;
}

const unavailableRows = (resolutions: Map<string, RowResolution>): Unavailable =>
  [...resolutions.entries()].filter(
    (entry): entry is Unavailable[number] => entry[1].status === "pending" && entry[1].why === "unavailable",
  );

/** The LLM is not answering: keep what is done and let the queue bring the chunk back later. */
async function retryLater(run: LeasedRun, unavailable: Unavailable, attempts: number, prospects: number): Promise<RunOutcome> {
  await run.checkpoint();
  const { released } = await run.release();
  if (!released) await run.dropIfJobGone();
  const serverMs = Math.max(...unavailable.map(([, r]) => r.retryAfterMs ?? 0));
  run.deps.log.warn("LLM unavailable, chunk retried later", { jobId: run.message.jobId, chunk: run.ids.chunk, rows: unavailable.length });
  return { kind: "retry", delaySeconds: chunkRetryDelay(attempts, serverMs || null), note: "llm unavailable", rows: prospects - unavailable.length };
}

/** Writes the run's result and completes the lease: the room charges the run once. */
async function reportResult(run: LeasedRun, prospects: number): Promise<RunOutcome> {
  await run.deps.connections.run(() => writeResult(run.deps.env.FILES, run.resultKey, run.file()));
  const { accepted } = await run.room.complete({
    ...run.ids,
    resultKey: run.resultKey,
    counts: countRows(run.rows),
    charge: generatedIn(run.rows, run.lease.run),
  });
  if (!accepted) {
    run.deps.log.warn("chunk result not accepted (lease lost)", { jobId: run.message.jobId, chunk: run.ids.chunk, run: run.ids.run });
    await run.dropIfJobGone();
  }
  return { kind: "ack", note: accepted ? "completed" : "lease lost", rows: prospects };
}

/**
 * The dead-letter path: a chunk run that failed every delivery. Lines its checkpoint already holds are
 * kept (and charged, they passed the checks); every other row still to do is marked failed, uncharged.
 */
export async function failDeadChunk(message: ChunkMessage, deps: Pick<RunnerDeps, "env" | "log">): Promise<RunOutcome> {
  const room = roomFor(deps.env, message.jobId);
  const lease = await room.lease({ chunk: message.chunk, run: message.run, deadLetter: true });
  if (lease.action !== "run") return { kind: "ack", note: `dead letter ignored: ${lease.action}`, rows: 0 };
  const { range, run, leaseId } = lease;
  const rows = await startingRows(deps.env.FILES, lease.baseKey, range.rowCount);
  let marked = 0;
  rows.forEach((row, i) => {
    if (isToDo(row, run, lease.retryFailed)) {
      rows[i] = { status: "failed", reason: "processing_failed: this part of the file failed every attempt", run };
      marked++;
    }
  });
  const resultKey = chunkResultKey(lease.userId, message.jobId, range.chunk, run, leaseId);
  await writeResult(deps.env.FILES, resultKey, { v: 1, jobId: message.jobId, chunk: range.chunk, run, firstRow: range.firstRow, rows });
  await room.complete({ chunk: range.chunk, run, leaseId, resultKey, counts: countRows(rows), charge: generatedIn(rows, run) });
  deps.log.error("chunk dead-lettered; rows marked failed", { jobId: message.jobId, chunk: range.chunk, run, rows: marked });
  return { kind: "ack", note: "dead-lettered", rows: marked };
}
