import type { LeaseBeat } from "./room/contract";
import { GATE_BLOCK_AFTER_MS, GATE_MAX_AGE_MS, HEARTBEAT_MS } from "./constants";
import { roomFor } from "./keys";

/**
 * A consumer invocation's line to one job's room while its chunks run: one heartbeat RPC for all the
 * leases it holds in that job, carrying their live counts and checkpoints, and answering "may each
 * make its next LLM call?". The answer is refreshed in the background every GATE_MAX_AGE_MS while
 * calls flow, so a cancel or pause stops new calls within about that long without any call waiting
 * for the room; an answer older than GATE_BLOCK_AFTER_MS is waited for. If the room cannot be reached
 * the last answer stands (the lease expires on its own if that lasts).
 */
export interface LeaseGate {
  proceed(): Promise<boolean>;
  /** Records a checkpoint written to R2 with the room (the next run of this chunk resumes from it). */
  checkpoint(key: string): Promise<void>;
  close(): void;
}

interface Lease {
  ids: { chunk: number; run: number; leaseId: string };
  counts: () => { generated: number; failed: number };
  allowed: boolean;
  checkpointKey?: string;
}

export class RoomLink {
  private readonly leases = new Set<Lease>();
  private lastAt = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly room: ReturnType<typeof roomFor>;

  constructor(env: Env, jobId: string) {
    this.room = roomFor(env, jobId);
  }

  register(ids: Lease["ids"], counts: Lease["counts"]): LeaseGate {
    const lease: Lease = { ids, counts, allowed: true };
    this.leases.add(lease);
    this.timer ??= setInterval(() => void this.refresh(), HEARTBEAT_MS);
    return {
      proceed: async () => {
        if (!lease.allowed) return false;
        const age = Date.now() - this.lastAt;
        if (age >= GATE_MAX_AGE_MS && !this.inFlight) void this.refresh();
        if (age < GATE_BLOCK_AFTER_MS) return lease.allowed;
        await (this.inFlight ?? this.refresh());
        return lease.allowed;
      },
      checkpoint: async (key) => {
        lease.checkpointKey = key;
        // A beat already on its way may have left before the key was set: wait for it, then send one.
        await this.inFlight;
        await this.refresh();
      },
      close: () => {
        this.leases.delete(lease);
        if (this.leases.size === 0 && this.timer) {
          clearInterval(this.timer);
          this.timer = null;
        }
      },
    };
  }

  private refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const leases = [...this.leases];
    if (leases.length === 0) return Promise.resolve();
    const beats: LeaseBeat[] = leases.map((lease) => ({ ...lease.ids, ...lease.counts(), checkpointKey: lease.checkpointKey }));
    const call = this.room
      .beat({ leases: beats })
      .then((answer) => {
        leases.forEach((lease, i) => (lease.allowed = answer.proceed[i] ?? lease.allowed));
        this.lastAt = Date.now();
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight === call) this.inFlight = null;
      });
    this.inFlight = call;
    return call;
  }
}

/** One link per job for the length of one consumer invocation. */
export class RoomLinks {
  private readonly links = new Map<string, RoomLink>();
  constructor(private readonly env: Env) {}

  for(jobId: string): RoomLink {
    let link = this.links.get(jobId);
    if (!link) {
      link = new RoomLink(this.env, jobId);
      this.links.set(jobId, link);
    }
    return link;
  }
}
