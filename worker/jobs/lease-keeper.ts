import type { LeaseRenewal } from "./room/contract";
import { PROCEED_WAIT_AFTER_MS, PROCEED_REFRESH_MS, RENEW_INTERVAL_MS } from "./constants";
import { roomFor } from "./keys";

/**
 * Keeps the leases one consumer invocation holds in one job (ADR 020): one `renew` RPC for all of
 * them, carrying their live counts and checkpoints, whose answer says for each whether it may make
 * its next LLM call (`proceed`). The answer is refreshed in the background every PROCEED_REFRESH_MS while
 * calls flow, so a cancel or pause stops new calls within about that long without any call waiting
 * for the room; an answer older than PROCEED_WAIT_AFTER_MS is waited for. If the room cannot be reached
 * the last answer stands (the lease expires on its own if that lasts).
 */
export interface HeldLease {
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

export class LeaseKeeper {
  private readonly leases = new Set<Lease>();
  private lastAt = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly room: ReturnType<typeof roomFor>;

  constructor(env: Env, jobId: string) {
    this.room = roomFor(env, jobId);
  }

  hold(ids: Lease["ids"], counts: Lease["counts"]): HeldLease {
    const lease: Lease = { ids, counts, allowed: true };
    this.leases.add(lease);
    this.timer ??= setInterval(() => void this.refresh(), RENEW_INTERVAL_MS);
    return {
      proceed: async () => {
        if (!lease.allowed) return false;
        const age = Date.now() - this.lastAt;
        if (age >= PROCEED_REFRESH_MS && !this.inFlight) void this.refresh();
        if (age < PROCEED_WAIT_AFTER_MS) return lease.allowed;
        await (this.inFlight ?? this.refresh());
        return lease.allowed;
      },
      checkpoint: async (key) => {
        lease.checkpointKey = key;
        // A renewal already on its way may have left before the key was set: wait for it, then send one.
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
    const renewals: LeaseRenewal[] = leases.map((lease) => ({ ...lease.ids, ...lease.counts(), checkpointKey: lease.checkpointKey }));
    const call = this.room
      .renew({ leases: renewals })
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

/** One lease keeper per job for the length of one consumer invocation. */
export class LeaseKeepers {
  private readonly keepers = new Map<string, LeaseKeeper>();
  constructor(private readonly env: Env) {}

  for(jobId: string): LeaseKeeper {
    let keeper = this.keepers.get(jobId);
    if (!keeper) {
      keeper = new LeaseKeeper(this.env, jobId);
      this.keepers.set(jobId, keeper);
    }
    return keeper;
  }
}
