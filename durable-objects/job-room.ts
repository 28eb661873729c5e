import { DurableObject } from "cloudflare:workers";
import { getConfig } from "../worker/parse-config";
import { createLogger } from "../worker/lib/logger";
import { ChunkRepository, rangeOf } from "../worker/jobs/room/chunks";
import type { RoomContext } from "../worker/jobs/room/context";
import { JobRecordStore } from "../worker/jobs/room/job-record";
import type { ChunkRunRef, LeaseAnswer, CompleteInput, ControlResult, InitInput, LeaseRenewal, OutputPlan } from "../worker/jobs/room/contract";
import { cancelJob, failJob, pauseJob, resumeAfterGrant, resumeJob, retryFailedRows } from "../worker/jobs/room/control";
import { LiveFanOut } from "../worker/jobs/room/fan-out";
import { completeRun, leaseRuns, releaseLease, renewLeases } from "../worker/jobs/room/leases";
import { start } from "../worker/jobs/room/lifecycle";
import { migrateRoomStorage } from "../worker/jobs/room/migrations";
import { TicketStore } from "../worker/jobs/room/tickets";
import { watch } from "../worker/jobs/room/watchdog";
import type { PublicJob } from "../worker/jobs/types";

/**
 * One per job (`idFromName(jobId)`): the single source of truth for a job while it runs. This class
 * is the RPC surface only (its types: worker/jobs/room/contract.ts); each part lives in
 * worker/jobs/room/: the chunk repository, the job lifecycle, leases (the consumer protocol, ADR 020),
 * the user's controls, the watchdog, live fan-out, tickets and storage migrations.
 * Mutating calls run one at a time (they await the ledger), so no two can interleave.
 */
export class JobRoom extends DurableObject<Env> {
  private readonly room: RoomContext;
  private readonly tickets: TicketStore;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    migrateRoomStorage(ctx.storage);
    const config = getConfig(env);
    const log = createLogger({ component: "job-room" }, config.LOG_LEVEL);
    const jobs = new JobRecordStore(ctx.storage.sql);
    const chunks = new ChunkRepository(ctx.storage.sql);
    this.room = { ctx, env, config, jobs, chunks, live: new LiveFanOut(ctx, env, jobs, chunks, log), log };
    this.tickets = new TicketStore(ctx.storage.sql);
  }

  // ---------------------------------------------------------------- setup and reads

  async init(input: InitInput): Promise<PublicJob> {
    return this.serial(() => start(this.room, input));
  }

  /** The job as the API shows it, or null for a job whose start never reached its room. */
  read(): PublicJob | null {
    return this.room.jobs.load() ? this.room.live.snapshot() : null;
  }

  /**
   * What the output and the rows API read: each chunk's range and its latest result. With `rows`
   * (1-based, inclusive), only the chunks holding them: a page of rows needs one or two chunks, not
   * the ~10,000 of a million-row job.
   */
  outputPlan(rows?: { first: number; last: number }): OutputPlan | null {
    const job = this.room.jobs.load();
    if (!job) return null;
    const chunks = this.room.chunks.covering(rows).map((c) => ({ ...rangeOf(c), resultKey: c.checkpoint_key ?? c.result_key }));
    return { userId: job.userId, status: job.status, columns: job.columns, normalizedKey: job.normalizedKey, total: job.total, chunks };
  }

  // ---------------------------------------------------------------- the consumer's side (ADR 020)

  async lease(input: ChunkRunRef & { deadLetter?: boolean }): Promise<LeaseAnswer> {
    const [result] = await this.leaseMany({ chunks: [input], deadLetter: input.deadLetter });
    return result!;
  }

  async leaseMany(input: { chunks: ChunkRunRef[]; deadLetter?: boolean }): Promise<LeaseAnswer[]> {
    return this.serial(() => leaseRuns(this.room, input));
  }

  renew(input: { leases: LeaseRenewal[] }): { proceed: boolean[] } {
    return { proceed: renewLeases(this.room, input.leases) };
  }

  async release(input: { chunk: number; run: number; leaseId: string; checkpointKey?: string }): Promise<{ released: boolean }> {
    return this.serial(async () => ({ released: releaseLease(this.room, input) }));
  }

  async complete(input: CompleteInput): Promise<{ accepted: boolean }> {
    return this.serial(async () => ({ accepted: await completeRun(this.room, input) }));
  }

  /** A job that cannot go on at all (its upload is gone). */
  async fail(input: { code: string; message: string }): Promise<PublicJob> {
    return this.serial(async () => {
      await failJob(this.room, input);
      return this.room.live.snapshot();
    });
  }

  // ---------------------------------------------------------------- control

  async cancel(): Promise<ControlResult> {
    return this.serial(() => cancelJob(this.room));
  }

  async pause(): Promise<ControlResult> {
    return this.serial(() => pauseJob(this.room));
  }

  async resume(input: { maxCredits?: number } = {}): Promise<ControlResult> {
    return this.serial(() => resumeJob(this.room, input));
  }

  /** After a grant: a job paused for lack of credits goes on by itself if it can now reserve some. */
  async creditsGranted(): Promise<{ resumed: boolean }> {
    return this.serial(async () => ({ resumed: await resumeAfterGrant(this.room) }));
  }

  async retryFailed(input: { settledRows?: number } = {}): Promise<ControlResult> {
    return this.serial(() => retryFailedRows(this.room, input));
  }

  // ---------------------------------------------------------------- browser tickets and WebSockets

  async issueTicket(input: { userId: string }): Promise<{ ticket: string; expiresAt: string }> {
    return this.tickets.issue(input.userId);
  }

  async redeemTicket(input: { ticket: string }): Promise<{ userId: string } | null> {
    return this.tickets.redeem(input.ticket);
  }

  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected a WebSocket upgrade", { status: 426 });
    }
    const pair = new WebSocketPair();
    this.room.live.accept(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
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

  // ---------------------------------------------------------------- watchdog and deletion

  async alarm(): Promise<void> {
    await this.serial(async () => {
      if ((await watch(this.room)) === "wipe") await this.wipe();
    });
  }

  /** Account deletion: forgets the job (its D1 row and R2 files are deleted by the caller). */
  async destroy(): Promise<void> {
    await this.serial(() => this.wipe());
  }

  private async wipe(): Promise<void> {
    this.room.live.closeAll("job deleted");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    migrateRoomStorage(this.ctx.storage);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
