import { DurableObject } from "cloudflare:workers";
import { ledgerFor, type JobCredits } from "./credit-ledger";
import {
  BROADCAST_MIN_MS,
  D1_SYNC_MS,
  LEASE_MS,
  QUEUED_STALE_MS,
  SEND_BATCH_MAX,
  TICKET_TTL_MS,
  WATCHDOG_MS,
} from "../worker/jobs/constants";
import { syncJobRow } from "../worker/jobs/d1-sync";
import { chunkRunKey } from "../worker/jobs/keys";
import { RateMeter } from "../worker/jobs/progress";
import { publicJob, type Counters } from "../worker/jobs/public-job";
import {
  isTerminal,
  type ChunkMessage,
  type ChunkRangeRef,
  type JobRecord,
  type JobSettings,
  type PauseReason,
  type PublicJob,
  type WebhookEvent,
  type WebhookMessage,
} from "../worker/jobs/types";
import { sha256Hex } from "../worker/lib/crypto";
import { randomHex, randomToken } from "../worker/lib/ids";
import { createLogger } from "../worker/lib/logger";

/**
 * One per job (`idFromName(jobId)`): the single source of truth for a job while it runs.
 *
 * - Status machine: queued → running → succeeded | failed | canceled, with paused (user or budget).
 * - Chunks: each chunk (a byte range of the normalized upload) goes through runs. A run is claimed by a
 *   consumer under a lease (renewed by heartbeats), reserves its credits in the CreditLedger, and is
 *   completed once with its result file; the charge is keyed by the chunk run, so duplicates and
 *   retries never charge twice. A run stopped early (pause, cancel, budget) leaves rows pending for
 *   the chunk's next run.
 * - Progress: counters derived from the chunks (plus live counts of running leases), rows/s and ETA,
 *   pushed to WebSockets (hibernation API) at most ~10 times a second, mirrored to D1 for lists.
 * - Watchdog: an alarm re-enqueues chunks whose lease expired or whose message never arrived.
 * Mutating calls run one at a time (they await the ledger), so no two can interleave.
 */
type ChunkState = "pending" | "queued" | "running" | "settling" | "done" | "blocked" | "canceled";

interface ChunkRow {
  idx: number;
  start: number;
  end: number;
  first_row: number;
  row_count: number;
  run: number;
  state: ChunkState;
  retry_failed: number;
  lease_id: string | null;
  lease_until: number | null;
  enqueued_at: number | null;
  result_key: string | null;
  checkpoint_key: string | null;
  generated: number;
  failed: number;
  pending: number;
  live_generated: number | null;
  live_failed: number | null;
  settle_key: string | null;
  settle_charge: number | null;
  settle_generated: number | null;
  settle_failed: number | null;
  settle_pending: number | null;
  [key: string]: SqlStorageValue;
}

export type ClaimResult =
  | { action: "skip"; why: string }
  | { action: "busy"; retryInSeconds: number }
  | { action: "paused" }
  | {
      action: "run";
      leaseId: string;
      run: number;
      reserved: number;
      retryFailed: boolean;
      baseKey: string | null;
      userId: string;
      normalizedKey: string;
      columns: string[];
      settings: JobSettings;
      range: ChunkRangeRef;
    };

export interface ChunkRunRef {
  chunk: number;
  run: number;
}

export interface LeaseBeat {
  chunk: number;
  run: number;
  leaseId: string;
  generated: number;
  failed: number;
  checkpointKey?: string;
}

export interface CompleteInput {
  chunk: number;
  run: number;
  leaseId: string;
  resultKey: string;
  counts: { generated: number; failed: number; pending: number };
  /** Lines generated (and checked) in this run: what is charged. */
  charge: number;
}

export interface InitInput {
  job: JobRecord;
  chunks: ChunkRangeRef[];
  /** Preview jobs arrive finished: their one chunk is already done. */
  preview?: { resultKey: string; generated: number; failed: number };
  /** false: the chunks count as sent and the caller delivers their messages itself (tests drive the consumer). */
  fanOut?: boolean;
}

export interface OutputPlan {
  userId: string;
  status: PublicJob["status"];
  columns: string[];
  normalizedKey: string;
  total: number;
  chunks: Array<ChunkRangeRef & { resultKey: string | null }>;
}

export type ControlResult =
  | { ok: true; job: PublicJob }
  | {
      ok: false;
      code: "conflict" | "insufficient_credits";
      message: string;
      job: PublicJob | null;
      /** For insufficient_credits: the contract's rowCount, balance, missing. */
      details?: { rowCount: number; balance: number; missing: number };
    };

const ACTIVE_CHUNK_STATES = "('pending','queued','running','settling','blocked')";

export class JobRoom extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly rate = new RateMeter();
  private chain: Promise<unknown> = Promise.resolve();
  private lastBroadcast = 0;
  private lastSync = 0;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly log = createLogger({ component: "job-room" });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.createSchema();
  }

  private createSchema(): void {
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), job TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS chunks (
        idx INTEGER PRIMARY KEY,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        first_row INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        run INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        retry_failed INTEGER NOT NULL DEFAULT 0,
        lease_id TEXT,
        lease_until INTEGER,
        enqueued_at INTEGER,
        result_key TEXT,
        checkpoint_key TEXT,
        generated INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL,
        live_generated INTEGER,
        live_failed INTEGER,
        settle_key TEXT,
        settle_charge INTEGER,
        settle_generated INTEGER,
        settle_failed INTEGER,
        settle_pending INTEGER
      );
      CREATE INDEX IF NOT EXISTS chunks_state ON chunks (state);
      CREATE TABLE IF NOT EXISTS tickets (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `);
  }

  // ---------------------------------------------------------------- setup and reads

  async init(input: InitInput): Promise<PublicJob> {
    return this.serial(async () => {
      if (this.loadJob()) return this.snapshot();
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("INSERT INTO meta (id, job) VALUES (1, ?)", JSON.stringify(input.job));
        for (const chunk of input.chunks) {
          this.sql.exec(
            "INSERT INTO chunks (idx, start, end, first_row, row_count, state, pending) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
            chunk.chunk,
            chunk.start,
            chunk.end,
            chunk.firstRow,
            chunk.rowCount,
            chunk.rowCount,
          );
        }
        if (input.preview) {
          this.sql.exec(
            "UPDATE chunks SET state = 'done', result_key = ?, generated = ?, failed = ?, pending = 0",
            input.preview.resultKey,
            input.preview.generated,
            input.preview.failed,
          );
        }
      });
      if (input.job.mode === "full" && !isTerminal(input.job.status)) {
        await this.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
        try {
          if (input.fanOut === false) this.sql.exec("UPDATE chunks SET state = 'queued', enqueued_at = ?", Date.now());
          else await this.enqueue(this.chunksIn("'pending'"));
        } catch (error) {
          // The job exists and its credits are held: the watchdog sends what is still pending, soon.
          this.log.error("enqueue at start failed", { jobId: input.job.id, error });
          await this.ctx.storage.setAlarm(Date.now() + 5_000);
        }
        if (input.chunks.length === 0) await this.finishIfDone();
      }
      return this.snapshot();
    });
  }

  /** The job as the API shows it, or null for a job whose start never reached its room. */
  read(): PublicJob | null {
    return this.loadJob() ? this.snapshot() : null;
  }

  private snapshot(job = this.requireJob(), counters = this.counters()): PublicJob {
    const active = job.status === "running" || job.status === "queued";
    return publicJob(job, counters, {
      rowsPerSecond: active ? this.rate.rowsPerSecond() : null,
      etaSeconds: active ? this.rate.etaSeconds(job.total - counters.processed) : null,
    });
  }

  /**
   * What the output and the rows API read: each chunk's range and its latest result. With `rows`
   * (1-based, inclusive), only the chunks holding them: a page of rows needs one or two chunks, not
   * the ~10,000 of a million-row job.
   */
  outputPlan(rows?: { first: number; last: number }): OutputPlan | null {
    const job = this.loadJob();
    if (!job) return null;
    const chunks = (
      rows
        ? this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE first_row <= ? AND first_row + row_count > ? ORDER BY idx", rows.last, rows.first)
        : this.sql.exec<ChunkRow>("SELECT * FROM chunks ORDER BY idx")
    )
      .toArray()
      .map((c) => ({ chunk: c.idx, start: c.start, end: c.end, firstRow: c.first_row, rowCount: c.row_count, resultKey: c.checkpoint_key ?? c.result_key }));
    return { userId: job.userId, status: job.status, columns: job.columns, normalizedKey: job.normalizedKey, total: job.total, chunks };
  }

  // ---------------------------------------------------------------- the consumer's side

  async claim(input: ChunkRunRef & { deadLetter?: boolean }): Promise<ClaimResult> {
    const [result] = await this.claimMany({ chunks: [input], deadLetter: input.deadLetter });
    return result!;
  }

  /**
   * Leases chunk runs to one consumer invocation, in the order given, in one turn of the room and one
   * call to the ledger (which reserves each run's credits): a batch's claims cost one round trip, not
   * one per chunk. A run the ledger can reserve nothing for is `blocked` and pauses the job (budget).
   * The dead-letter path claims without reserving: it only marks rows failed.
   */
  async claimMany(input: { chunks: ChunkRunRef[]; deadLetter?: boolean }): Promise<ClaimResult[]> {
    return this.serial(async () => {
      const job = this.loadJob();
      const now = Date.now();
      const results: ClaimResult[] = [];
      const toLease: Array<{ at: number; c: ChunkRow }> = [];
      const taken = new Set<number>();
      input.chunks.forEach((ref, at) => {
        const c = this.chunk(ref.chunk);
        if (!job || !c) return void (results[at] = { action: "skip", why: "unknown job or chunk" });
        if (isTerminal(job.status)) return void (results[at] = { action: "skip", why: `job ${job.status}` });
        if (ref.run !== c.run) return void (results[at] = { action: "skip", why: "superseded run" });
        if (c.state === "done" || c.state === "canceled" || c.state === "blocked" || c.state === "settling") {
          return void (results[at] = { action: "skip", why: `chunk ${c.state}` });
        }
        // Leased already, or by an earlier copy of the same message in this batch.
        const leasedUntil = taken.has(c.idx) ? now + LEASE_MS : c.state === "running" ? (c.lease_until ?? 0) : 0;
        if (leasedUntil > now) {
          if (input.deadLetter) return void (results[at] = { action: "skip", why: "chunk is being processed" });
          return void (results[at] = { action: "busy", retryInSeconds: Math.min(120, Math.ceil((leasedUntil - now) / 1000) + 1) });
        }
        if (!input.deadLetter && job.status === "paused") {
          this.sql.exec("UPDATE chunks SET state = 'pending', lease_id = NULL, lease_until = NULL WHERE idx = ?", c.idx);
          return void (results[at] = { action: "paused" });
        }
        taken.add(c.idx);
        toLease.push({ at, c });
      });
      if (!job || toLease.length === 0) return results;

      let reservations: number[] = toLease.map(() => 0);
      if (!input.deadLetter) {
        const reserved = await ledgerFor(this.env, job.userId).reserveMany(
          toLease.map(({ c }) => ({
            jobId: job.id,
            key: chunkRunKey(job.id, c.idx, c.run),
            amount: c.result_key === null ? c.row_count : c.pending + (c.retry_failed ? c.failed : 0),
          })),
        );
        this.applyCredits(job, reserved[reserved.length - 1]!.job);
        reservations = reserved.map((r) => r.reserved);
      }

      let outOfCredits = false;
      toLease.forEach(({ at, c }, i) => {
        if (!input.deadLetter && reservations[i] === 0) {
          this.sql.exec("UPDATE chunks SET state = 'blocked', lease_id = NULL, lease_until = NULL WHERE idx = ?", c.idx);
          outOfCredits = true;
          results[at] = { action: "paused" };
          return;
        }
        const leaseId = randomHex(6);
        this.sql.exec(
          "UPDATE chunks SET state = 'running', lease_id = ?, lease_until = ?, live_generated = NULL, live_failed = NULL WHERE idx = ?",
          leaseId,
          now + LEASE_MS,
          c.idx,
        );
        results[at] = {
          action: "run",
          leaseId,
          run: c.run,
          reserved: reservations[i]!,
          retryFailed: c.retry_failed === 1,
          baseKey: c.checkpoint_key ?? c.result_key,
          userId: job.userId,
          normalizedKey: job.normalizedKey,
          columns: job.columns,
          settings: job.settings,
          range: { chunk: c.idx, start: c.start, end: c.end, firstRow: c.first_row, rowCount: c.row_count },
        };
      });
      const started = job.status === "queued" && results.some((r) => r.action === "run");
      if (started) {
        job.status = "running";
        job.startedAt ??= new Date(now).toISOString();
      }
      this.saveJob(job);
      this.changed(started);
      if (outOfCredits) await this.pauseFor(job, "budget");
      return results;
    });
  }

  /**
   * Heartbeat and gate in one, for all the leases one consumer invocation holds in this job: renews
   * them, records their live counts (and latest checkpoints), and answers for each whether it may make
   * its next LLM call.
   */
  beat(input: { leases: LeaseBeat[] }): { proceed: boolean[] } {
    const job = this.loadJob();
    if (!job) return { proceed: input.leases.map(() => false) };
    // A budget pause stops new chunks from starting; runs that already hold credits finish them.
    const active = job.status === "running" || job.status === "queued" || (job.status === "paused" && job.pauseReason === "budget");
    const proceed = input.leases.map((lease) => {
      const c = this.chunk(lease.chunk);
      if (!c || c.run !== lease.run || c.lease_id !== lease.leaseId || c.state !== "running") return false;
      this.sql.exec(
        "UPDATE chunks SET lease_until = ?, live_generated = ?, live_failed = ?, checkpoint_key = COALESCE(?, checkpoint_key) WHERE idx = ?",
        Date.now() + LEASE_MS,
        lease.generated,
        lease.failed,
        lease.checkpointKey ?? null,
        c.idx,
      );
      return active;
    });
    this.changed(false);
    return { proceed };
  }

  /** The consumer gives the chunk back without finishing (LLM unreachable, crash): the queue retries it. */
  async releaseLease(input: { chunk: number; run: number; leaseId: string; checkpointKey?: string }): Promise<{ released: boolean }> {
    return this.serial(async () => {
      const c = this.chunk(input.chunk);
      if (!c || c.run !== input.run || c.lease_id !== input.leaseId || c.state !== "running") return { released: false };
      this.sql.exec(
        "UPDATE chunks SET state = 'queued', lease_id = NULL, lease_until = NULL, live_generated = NULL, live_failed = NULL, enqueued_at = ?, checkpoint_key = COALESCE(?, checkpoint_key) WHERE idx = ?",
        Date.now(),
        input.checkpointKey ?? null,
        c.idx,
      );
      this.changed(false);
      return { released: true };
    });
  }

  /** A run's end: charge its lines once (keyed by the chunk run), keep its result, decide what is next. */
  async complete(input: CompleteInput): Promise<{ accepted: boolean }> {
    return this.serial(async () => {
      const job = this.loadJob();
      const c = this.chunk(input.chunk);
      if (!job || !c || c.run !== input.run || c.lease_id !== input.leaseId || (c.state !== "running" && c.state !== "settling")) {
        return { accepted: false };
      }
      if (c.state === "running") {
        // Intent first: if we die while the ledger settles, the watchdog finishes this exact settlement.
        this.sql.exec(
          "UPDATE chunks SET state = 'settling', settle_key = ?, settle_charge = ?, settle_generated = ?, settle_failed = ?, settle_pending = ? WHERE idx = ?",
          input.resultKey,
          input.charge,
          input.counts.generated,
          input.counts.failed,
          input.counts.pending,
          c.idx,
        );
      }
      await this.finishSettlement(job, this.chunk(input.chunk)!);
      return { accepted: true };
    });
  }

  /** A job that cannot go on at all (its upload is gone). */
  async fail(input: { code: string; message: string }): Promise<PublicJob> {
    return this.serial(async () => {
      const job = this.requireJob();
      if (isTerminal(job.status)) return this.snapshot();
      job.error = input;
      this.sql.exec(`UPDATE chunks SET state = 'canceled' WHERE state IN ('pending','queued','blocked')`);
      await this.finish(job, "failed");
      return this.snapshot();
    });
  }

  // ---------------------------------------------------------------- control

  async cancel(): Promise<ControlResult> {
    return this.serial(async () => {
      const job = this.loadJob();
      if (!job) return this.neverStarted();
      if (isTerminal(job.status)) return this.conflict(`The job is already ${job.status}.`);
      this.sql.exec(`UPDATE chunks SET state = 'canceled' WHERE state IN ('pending','queued','blocked')`);
      await this.finish(job, "canceled");
      return { ok: true as const, job: this.snapshot() };
    });
  }

  async pause(): Promise<ControlResult> {
    return this.serial(async () => {
      const job = this.loadJob();
      if (!job) return this.neverStarted();
      if (job.status !== "queued" && job.status !== "running") return this.conflict(`Only a queued or running job can be paused; this one is ${job.status}.`);
      await this.pauseFor(job, "user");
      return { ok: true as const, job: this.snapshot() };
    });
  }

  async resume(input: { maxCredits?: number } = {}): Promise<ControlResult> {
    return this.serial(async () => {
      const job = this.loadJob();
      if (!job) return this.neverStarted();
      if (job.status !== "paused") return this.conflict(`Only a paused job can be resumed; this one is ${job.status}.`);
      const ledger = ledgerFor(this.env, job.userId);
      let credits: JobCredits;
      if (input.maxCredits !== undefined && input.maxCredits !== job.settings.maxCredits) {
        job.settings.maxCredits = input.maxCredits;
        credits = (await ledger.setBudget({ jobId: job.id, budget: input.maxCredits })).job;
      } else {
        credits = await ledger.jobCredits({ jobId: job.id });
      }
      this.applyCredits(job, credits);
      this.saveJob(job);
      const waiting = this.count("state IN ('pending','blocked')");
      if (waiting > 0 && credits.available === 0) {
        const rowCount = job.total - this.counters().processed;
        const { balance } = await ledger.getBalance();
        return {
          ok: false as const,
          code: "insufficient_credits" as const,
          message: "The job has no credits left to go on: add credits or raise maxCredits.",
          job: this.snapshot(),
          details: { rowCount, balance, missing: Math.max(1, rowCount - balance) },
        };
      }
      await this.resumeNow(job);
      return { ok: true as const, job: this.snapshot() };
    });
  }

  /** After a grant: a job paused for lack of credits goes on by itself if it can now reserve some. */
  async creditsGranted(): Promise<{ resumed: boolean }> {
    return this.serial(async () => {
      const job = this.loadJob();
      if (!job || job.status !== "paused" || job.pauseReason !== "budget") return { resumed: false };
      const credits = await ledgerFor(this.env, job.userId).jobCredits({ jobId: job.id });
      this.applyCredits(job, credits);
      if (credits.available === 0) {
        this.saveJob(job);
        return { resumed: false };
      }
      await this.resumeNow(job);
      return { resumed: true };
    });
  }

  /** Failed rows get a new run, with credits held for them first (402 when short, as at the start). */
  async retryFailed(): Promise<ControlResult> {
    return this.serial(async () => {
      const job = this.loadJob();
      if (!job) return this.neverStarted();
      if (job.mode !== "full") return this.conflict("A preview cannot be retried; start a full job.");
      if (job.status !== "succeeded" && job.status !== "failed") return this.conflict(`Failed rows can be retried once the job has ended; it is ${job.status}.`);
      const failed = this.retryableFailedRows();
      if (failed === 0) return this.conflict("The job has no failed rows.");
      const hold = await ledgerFor(this.env, job.userId).hold({
        jobId: job.id,
        amount: failed,
        budget: job.settings.maxCredits ?? undefined,
        key: `retry:${job.id}:${job.retryPasses + 1}`,
      });
      if (!hold.ok) {
        return {
          ok: false as const,
          code: "insufficient_credits" as const,
          message: `Retrying ${failed} failed rows needs ${failed} credits; ${hold.balance} are available.`,
          job: this.snapshot(),
          details: { rowCount: failed, balance: hold.balance, missing: hold.missing },
        };
      }
      this.sql.exec("UPDATE chunks SET run = run + 1, retry_failed = 1, state = 'pending' WHERE failed > 0 AND state = 'done'");
      job.status = "queued";
      job.pauseReason = null;
      job.finishedAt = null;
      job.error = null;
      job.retryPasses += 1;
      this.applyCredits(job, await ledgerFor(this.env, job.userId).jobCredits({ jobId: job.id }));
      this.saveJob(job);
      this.rate.reset();
      this.changed(true);
      await this.enqueue(this.chunksIn("'pending'"));
      await this.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
      return { ok: true as const, job: this.snapshot() };
    });
  }

  /** Failed rows of finished chunks: the ones a retry runs again (a canceled chunk's are not retried). */
  private retryableFailedRows(): number {
    return this.sql.exec<{ n: number }>("SELECT COALESCE(SUM(failed), 0) AS n FROM chunks WHERE state = 'done'").one().n;
  }

  // ---------------------------------------------------------------- browser tickets and WebSockets

  async issueTicket(input: { userId: string }): Promise<{ ticket: string; expiresAt: string }> {
    const ticket = `tkt_${randomToken(24)}`;
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.sql.exec("DELETE FROM tickets WHERE expires_at < ?", Date.now());
    this.sql.exec("INSERT INTO tickets (hash, user_id, expires_at) VALUES (?, ?, ?)", await sha256Hex(ticket), input.userId, expiresAt);
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Single use: a ticket works once, within its minute. */
  async redeemTicket(input: { ticket: string }): Promise<{ userId: string } | null> {
    const hash = await sha256Hex(input.ticket);
    const row = this.sql
      .exec<{ user_id: string }>("DELETE FROM tickets WHERE hash = ? AND expires_at >= ? RETURNING user_id", hash, Date.now())
      .toArray()[0];
    return row ? { userId: row.user_id } : null;
  }

  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected a WebSocket upgrade", { status: 426 });
    }
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    server.send(JSON.stringify({ type: "snapshot", ...this.snapshot() }));
    return new Response(null, { status: 101, webSocket: client });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (message === "ping") ws.send(JSON.stringify({ type: "pong" }));
  }

  async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 ? 1000 : code);
    } catch {
      // Already closed.
    }
  }

  // ---------------------------------------------------------------- watchdog

  async alarm(): Promise<void> {
    await this.serial(async () => {
      const job = this.loadJob();
      if (!job) return;
      // The account (and with it the job's row and files) was deleted: nothing left to watch over.
      if (!(await this.jobRowExists(job.id))) {
        await this.wipe();
        return;
      }
      const now = Date.now();
      for (const c of this.chunksIn("'settling'")) await this.finishSettlement(job, c);
      const expired = this.sql
        .exec<ChunkRow>("SELECT * FROM chunks WHERE state = 'running' AND lease_until < ?", now)
        .toArray();
      if (isTerminal(job.status)) {
        // A canceled job's dead lease: nothing was reported, so nothing is charged.
        for (const c of expired) {
          await ledgerFor(this.env, job.userId).settle({ jobId: job.id, key: chunkRunKey(job.id, c.idx, c.run), charged: 0 });
          this.sql.exec(
            "UPDATE chunks SET state = 'canceled', lease_id = NULL, checkpoint_key = NULL, live_generated = NULL, live_failed = NULL WHERE idx = ?",
            c.idx,
          );
        }
        this.applyCredits(job, await ledgerFor(this.env, job.userId).jobCredits({ jobId: job.id }));
        this.saveJob(job);
      } else {
        const stale = this.sql
          .exec<ChunkRow>("SELECT * FROM chunks WHERE state = 'queued' AND (enqueued_at IS NULL OR enqueued_at < ?)", now - QUEUED_STALE_MS)
          .toArray();
        const resend = [...expired, ...stale];
        if (job.status === "running" || job.status === "queued") resend.push(...this.chunksIn("'pending'"));
        if (resend.length > 0) {
          this.log.warn("watchdog re-enqueues chunks", { jobId: job.id, chunks: resend.map((c) => c.idx) });
          for (const c of expired) this.sql.exec("UPDATE chunks SET lease_id = NULL, live_generated = NULL, live_failed = NULL WHERE idx = ?", c.idx);
          await this.enqueue(resend);
        }
      }
      await this.syncD1();
      const stillRunning = this.count("state IN ('running','settling','queued')") > 0;
      if (job.status === "running" || job.status === "queued" || stillRunning) {
        await this.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
      }
    });
  }

  /** Account deletion: forgets the job (its D1 row and R2 files are deleted by the caller). */
  async destroy(): Promise<void> {
    await this.serial(() => this.wipe());
  }

  // ---------------------------------------------------------------- internals

  private async wipe(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) ws.close(1001, "job deleted");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.createSchema();
  }

  private async jobRowExists(id: string): Promise<boolean> {
    const row = await this.env.DB.prepare("SELECT 1 AS found FROM jobs WHERE id = ?").bind(id).first();
    return row !== null;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private loadJob(): JobRecord | null {
    const row = this.sql.exec<{ job: string }>("SELECT job FROM meta WHERE id = 1").toArray()[0];
    return row ? (JSON.parse(row.job) as JobRecord) : null;
  }

  private requireJob(): JobRecord {
    const job = this.loadJob();
    if (!job) throw new Error("JobRoom used before init");
    return job;
  }

  private saveJob(job: JobRecord): void {
    this.sql.exec("UPDATE meta SET job = ? WHERE id = 1", JSON.stringify(job));
  }

  private chunk(idx: number): ChunkRow | undefined {
    return this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE idx = ?", idx).toArray()[0];
  }

  private chunksIn(states: string): ChunkRow[] {
    return this.sql.exec<ChunkRow>(`SELECT * FROM chunks WHERE state IN (${states}) ORDER BY idx`).toArray();
  }

  private count(where: string): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM chunks WHERE ${where}`).one().n;
  }

  private counters(): Counters {
    const row = this.sql
      .exec<{ generated: number; failed: number }>(
        `SELECT COALESCE(SUM(CASE WHEN state = 'running' AND live_generated IS NOT NULL THEN live_generated ELSE generated END), 0) AS generated,
                COALESCE(SUM(CASE WHEN state = 'running' AND live_failed IS NOT NULL THEN live_failed ELSE failed END), 0) AS failed
         FROM chunks`,
      )
      .one();
    return { processed: row.generated + row.failed, succeeded: row.generated, failed: row.failed };
  }

  private applyCredits(job: JobRecord, credits: JobCredits): void {
    job.creditsHeld = credits.held;
    job.creditsCharged = credits.charged;
  }

  private conflict(message: string): ControlResult {
    return { ok: false, code: "conflict", message, job: this.snapshot() };
  }

  private neverStarted(): ControlResult {
    return { ok: false, code: "conflict", message: "This job never started.", job: null };
  }

  /** Ends a settlement whose intent is recorded on the chunk: charge once, keep the result, move on. */
  private async finishSettlement(job: JobRecord, c: ChunkRow): Promise<void> {
    const settled = await ledgerFor(this.env, job.userId).settle({
      jobId: job.id,
      key: chunkRunKey(job.id, c.idx, c.run),
      charged: c.settle_charge ?? 0,
    });
    this.applyCredits(job, settled.job);
    const pending = c.settle_pending ?? 0;
    let next: ChunkState = "done";
    let nextRun = c.run;
    if (pending > 0) {
      nextRun = c.run + 1;
      if (isTerminal(job.status)) next = "canceled";
      else if (job.status === "paused") next = "pending";
      else next = settled.job.available > 0 ? "pending" : "blocked";
    }
    this.sql.exec(
      `UPDATE chunks SET state = ?, run = ?, retry_failed = 0, result_key = ?, generated = ?, failed = ?, pending = ?,
         checkpoint_key = NULL, lease_id = NULL, lease_until = NULL, live_generated = NULL, live_failed = NULL,
         settle_key = NULL, settle_charge = NULL, settle_generated = NULL, settle_failed = NULL, settle_pending = NULL
       WHERE idx = ?`,
      next,
      nextRun,
      c.settle_key,
      c.settle_generated ?? 0,
      c.settle_failed ?? 0,
      pending,
      c.idx,
    );
    this.saveJob(job);
    this.changed(false);
    if (next === "pending") await this.enqueue([this.chunk(c.idx)!]);
    else if (next === "blocked") await this.pauseFor(job, "budget");
    await this.finishIfDone();
  }

  private async pauseFor(job: JobRecord, reason: PauseReason): Promise<void> {
    if (job.status !== "running" && job.status !== "queued") return;
    job.status = "paused";
    job.pauseReason = reason;
    this.saveJob(job);
    this.changed(true);
    await this.sendWebhook(job, "job.paused");
  }

  private async resumeNow(job: JobRecord): Promise<void> {
    job.status = job.startedAt ? "running" : "queued";
    job.pauseReason = null;
    this.saveJob(job);
    this.sql.exec("UPDATE chunks SET state = 'pending' WHERE state = 'blocked'");
    this.rate.reset();
    this.changed(true);
    await this.enqueue(this.chunksIn("'pending'"));
    await this.ctx.storage.setAlarm(Date.now() + WATCHDOG_MS);
  }

  private async finishIfDone(): Promise<void> {
    const job = this.requireJob();
    if (isTerminal(job.status)) return;
    if (this.count(`state IN ${ACTIVE_CHUNK_STATES}`) > 0) return;
    const counters = this.counters();
    if (counters.succeeded === 0 && counters.failed > 0) {
      job.error = { code: "all_rows_failed", message: "No line passed the checks; each row says why." };
      await this.finish(job, "failed");
    } else {
      await this.finish(job, "succeeded");
    }
  }

  /** Ends the job: the unused hold goes back, and a webhook says so (none for a cancel: the user asked). */
  private async finish(job: JobRecord, status: "succeeded" | "failed" | "canceled"): Promise<void> {
    job.status = status;
    job.pauseReason = null;
    job.finishedAt = new Date().toISOString();
    const ledger = ledgerFor(this.env, job.userId);
    if (job.mode === "full") {
      await ledger.release({ jobId: job.id });
      this.applyCredits(job, await ledger.jobCredits({ jobId: job.id }));
    }
    this.saveJob(job);
    this.changed(true);
    if (status !== "canceled") await this.sendWebhook(job, status === "succeeded" ? "job.succeeded" : "job.failed");
  }

  private async enqueue(chunks: ChunkRow[]): Promise<void> {
    const job = this.requireJob();
    for (let i = 0; i < chunks.length; i += SEND_BATCH_MAX) {
      const group = chunks.slice(i, i + SEND_BATCH_MAX);
      const messages: ChunkMessage[] = group.map((c) => ({
        type: "chunk",
        jobId: job.id,
        userId: job.userId,
        chunk: c.idx,
        run: c.run,
        start: c.start,
        end: c.end,
        firstRow: c.first_row,
        rowCount: c.row_count,
      }));
      // A failed send leaves the chunks pending; the watchdog sends them again.
      await this.env.JOBS.sendBatch(messages.map((body) => ({ body })));
      const now = Date.now();
      for (const c of group) this.sql.exec("UPDATE chunks SET state = 'queued', enqueued_at = ? WHERE idx = ?", now, c.idx);
    }
  }

  private async sendWebhook(job: JobRecord, event: WebhookEvent): Promise<void> {
    if (!job.settings.webhookUrl) return;
    job.webhooks += 1;
    this.saveJob(job);
    const message: WebhookMessage = {
      type: "webhook",
      jobId: job.id,
      userId: job.userId,
      deliveryId: `whd_${job.id.slice(4)}_${job.webhooks}`,
      event,
      url: job.settings.webhookUrl,
      data: this.snapshot(),
      createdAt: new Date().toISOString(),
    };
    try {
      await this.env.JOBS.send(message);
    } catch (error) {
      this.log.error("webhook enqueue failed", { jobId: job.id, event, error });
    }
  }

  /** Something changed: status changes go out at once; progress at most every BROADCAST_MIN_MS. */
  private changed(statusChanged: boolean): void {
    const job = this.requireJob();
    const counters = this.counters();
    this.rate.record(counters.processed);
    if (statusChanged) {
      const snapshot = this.snapshot(job, counters);
      this.broadcast({ type: "status", ...snapshot });
      this.lastBroadcast = Date.now();
      this.ctx.waitUntil(this.syncD1());
      return;
    }
    if (isTerminal(job.status) && job.mode === "preview") return;
    const wait = BROADCAST_MIN_MS - (Date.now() - this.lastBroadcast);
    if (wait <= 0) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = null;
    this.lastBroadcast = Date.now();
    this.broadcast({ type: "progress", ...this.snapshot() });
    const wait = D1_SYNC_MS - (Date.now() - this.lastSync);
    if (wait <= 0) this.ctx.waitUntil(this.syncD1());
    else this.syncTimer ??= setTimeout(() => this.ctx.waitUntil(this.syncD1()), wait);
  }

  private broadcast(message: Record<string, unknown>): void {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // A socket closing under us; the runtime drops it.
      }
    }
  }

  private async syncD1(): Promise<void> {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.lastSync = Date.now();
    try {
      await syncJobRow(this.env, this.snapshot());
    } catch (error) {
      this.log.error("D1 job sync failed", { error });
    }
  }
}
