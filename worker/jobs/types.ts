import type { Evidence, LineContext } from "../llm/types";
import type { ResearchOptions, ResearchStatus } from "../research/types";
import type { PublicJob } from "./public-schemas";
import { JOB_MODES, JOB_STATUSES, PAUSE_REASONS } from "./statuses";

/** Shapes shared by the routes, the queue consumers and the JobRoom. */
export { JOB_MODES, JOB_STATUSES, PAUSE_REASONS };
/** The public Job is inferred from its zod schema (the one definition). */
export type { PublicJob } from "./public-schemas";
export type JobStatus = (typeof JOB_STATUSES)[number];
export type PauseReason = (typeof PAUSE_REASONS)[number];
export type JobMode = (typeof JOB_MODES)[number];

export const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "canceled"];
export const isTerminal = (status: JobStatus) => TERMINAL_STATUSES.includes(status);

/** What a job was asked to do; fixed at creation (maxCredits can be raised on resume). */
export interface JobSettings {
  mapping: Record<string, string>;
  extraColumns: string[];
  context: LineContext;
  rowsPerRequest: number;
  maxCredits: number | null;
  webhookUrl: string | null;
  model: string;
  /** Website research; absent on jobs made before it existed (= off). */
  research?: ResearchOptions;
}

/** The job as the JobRoom keeps it (counters are derived from its chunks). */
export interface JobRecord {
  id: string;
  userId: string;
  uploadId: string;
  mode: JobMode;
  status: JobStatus;
  pauseReason: PauseReason | null;
  total: number;
  creditsHeld: number;
  creditsCharged: number;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  settings: JobSettings;
  /** The upload's normalized CSV and its columns. */
  normalizedKey: string;
  columns: string[];
  /** retry-failed passes so far (names their credit holds). */
  retryPasses: number;
  /** Webhook deliveries so far (names them). */
  webhooks: number;
}

export type RowStatus = "pending" | "generated" | "failed" | "skipped";

/** One row's outcome in a chunk result; `run` is the chunk run that settled it. */
export interface RowResult {
  status: "pending" | "generated" | "failed";
  line?: string;
  /** Every passing variant (the first is `line`), when the job asked for several and more than one passed. */
  lines?: string[];
  reason?: string;
  evidence?: Evidence[];
  /** Set when the job researches websites: what research gave this row. */
  research?: ResearchStatus;
  run?: number;
}

/** A chunk's results in R2: every row of the chunk, in order (row `firstRow + i`). */
export interface ChunkResultFile {
  v: 1;
  jobId: string;
  chunk: number;
  run: number;
  firstRow: number;
  rows: RowResult[];
}

export interface ChunkRangeRef {
  chunk: number;
  start: number;
  end: number;
  firstRow: number;
  rowCount: number;
}

/** Queue message: one run of one chunk (a byte range of the normalized upload). */
export interface ChunkMessage extends ChunkRangeRef {
  type: "chunk";
  jobId: string;
  userId: string;
  run: number;
}

export type WebhookEvent = "job.succeeded" | "job.failed" | "job.paused";

export interface WebhookMessage {
  type: "webhook";
  jobId: string;
  userId: string;
  deliveryId: string;
  event: WebhookEvent;
  url: string;
  data: PublicJob;
  createdAt: string;
}

export type PingMessage = { type: "ping" };
export type JobsQueueMessage = ChunkMessage | WebhookMessage | PingMessage;
