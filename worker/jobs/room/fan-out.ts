import { BROADCAST_MIN_MS, D1_SYNC_MS } from "../constants";
import { syncJobRow } from "../d1-sync";
import { RateMeter } from "../progress";
import { publicJob, type Counters } from "../public-job";
import { isTerminal, type JobRecord, type PublicJob } from "../types";
import type { Logger } from "../../lib/logger";
import type { ChunkRepository } from "./chunks";
import type { JobRecordStore } from "./job-record";

/**
 * Live progress out of the room: the job as the API shows it (with rows/s and ETA), pushed to the
 * browsers' WebSockets (hibernation API) — status changes at once, progress at most every
 * BROADCAST_MIN_MS — and mirrored to the job's D1 row at most every D1_SYNC_MS for lists.
 */
export class LiveFanOut {
  private readonly rate = new RateMeter();
  private lastBroadcast = 0;
  private lastSync = 0;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    private readonly jobs: JobRecordStore,
    private readonly chunks: ChunkRepository,
    private readonly log: Logger,
  ) {}

  snapshot(job: JobRecord = this.jobs.require(), counters: Counters = this.chunks.counters()): PublicJob {
    const active = job.status === "running" || job.status === "queued";
    return publicJob(job, counters, {
      rowsPerSecond: active ? this.rate.rowsPerSecond() : null,
      etaSeconds: active ? this.rate.etaSeconds(job.total - counters.processed) : null,
    });
  }

  /** A run starts again (resume, retry): the rate measured before says nothing about it. */
  resetRate(): void {
    this.rate.reset();
  }

  /** Something changed: status changes go out at once; progress at most every BROADCAST_MIN_MS. */
  changed(statusChanged: boolean): void {
    const job = this.jobs.require();
    const counters = this.chunks.counters();
    this.rate.record(counters.processed);
    if (statusChanged) {
      this.broadcast({ type: "status", ...this.snapshot(job, counters) });
      this.lastBroadcast = Date.now();
      this.ctx.waitUntil(this.syncD1());
      return;
    }
    if (isTerminal(job.status) && job.mode === "preview") return;
    const wait = BROADCAST_MIN_MS - (Date.now() - this.lastBroadcast);
    if (wait <= 0) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), wait);
  }

  /** A new browser socket gets the job at once. */
  accept(server: WebSocket): void {
    this.ctx.acceptWebSocket(server);
    server.send(JSON.stringify({ type: "snapshot", ...this.snapshot() }));
  }

  /** The job is wiped (account deletion): sockets close and no timer left behind reads the gone record. */
  closeAll(reason: string): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.flushTimer = this.syncTimer = null;
    for (const ws of this.ctx.getWebSockets()) ws.close(1001, reason);
  }

  async syncD1(): Promise<void> {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.lastSync = Date.now();
    const job = this.jobs.load();
    if (!job) return;
    try {
      await syncJobRow(this.env, this.snapshot(job));
    } catch (error) {
      this.log.error("D1 job sync failed", { error });
    }
  }

  private flush(): void {
    this.flushTimer = null;
    this.lastBroadcast = Date.now();
    const job = this.jobs.load();
    if (!job) return;
    this.broadcast({ type: "progress", ...this.snapshot(job) });
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
}
