import type { ChunkRangeRef, JobRecord, JobSettings, PublicJob } from "../types";

/**
 * The JobRoom's contract: what its RPC methods take and answer. The Durable Object
 * (durable-objects/job-room.ts) implements it; the routes and the queue consumers reach it through
 * `roomFor`. The consumer↔room words (lease, renew, release, complete) are defined in ADR 020.
 */

export type LeaseAnswer =
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

export interface LeaseRenewal {
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
      details?: { rowCount: number; variants?: number; balance: number; missing: number };
    };
