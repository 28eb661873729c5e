import { JOB_STATUSES, TERMINAL_STATUSES, type Job, type JobStatus } from "./types";

const COUNTERS = ["total", "processed", "succeeded", "failed", "creditsHeld", "creditsCharged"] as const;

export const isTerminal = (status: JobStatus) => TERMINAL_STATUSES.includes(status);

/**
 * Applies one message from the job's WebSocket to the job: the first message is a snapshot (the job,
 * possibly wrapped as `{type: "snapshot", job}`), then `{type: "progress", ...counters}` and
 * `{type: "status", status}`. Unknown messages leave the job as it was.
 */
export function applyJobEvent(job: Job, message: unknown): Job {
  if (!message || typeof message !== "object") return job;
  const event = message as Record<string, unknown>;
  const source = (event.type === "snapshot" && event.job && typeof event.job === "object" ? event.job : event) as Record<string, unknown>;
  if (event.type !== undefined && !["snapshot", "progress", "status"].includes(String(event.type))) return job;
  const next: Job = { ...job };
  for (const key of COUNTERS) {
    const value = source[key];
    if (typeof value === "number" && Number.isFinite(value)) next[key] = value;
  }
  if (typeof source.status === "string" && (JOB_STATUSES as readonly string[]).includes(source.status)) {
    next.status = source.status as JobStatus;
  }
  for (const key of ["startedAt", "finishedAt"] as const) {
    if (typeof source[key] === "string" || source[key] === null) next[key] = source[key] as string | null;
  }
  if (source.error && typeof source.error === "object") next.error = source.error as Job["error"];
  for (const key of ["rowsPerSecond", "etaSeconds"] as const) {
    const value = source[key];
    if ((typeof value === "number" && Number.isFinite(value)) || value === null) next[key] = value;
  }
  if (source.pauseReason === "user" || source.pauseReason === "budget" || source.pauseReason === null) next.pauseReason = source.pauseReason;
  return next;
}

export interface ProgressSample {
  at: number;
  processed: number;
}

/** Keeps the last `windowMs` of samples (and at least two), for a rate that follows the job's pace. */
export function addSample(samples: ProgressSample[], sample: ProgressSample, windowMs = 15_000): ProgressSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.processed < last.processed) return [sample]; // a retry restarted the count
  const kept = [...samples, sample].filter((s) => s.at >= sample.at - windowMs);
  return kept.length >= 2 ? kept : [...samples.slice(-1), sample];
}

/** Rows per second over the samples, or null while there is not enough to say. */
export function rowsPerSecond(samples: ProgressSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const seconds = (last.at - first.at) / 1000;
  if (seconds < 1 || last.processed <= first.processed) return null;
  return (last.processed - first.processed) / seconds;
}

export function etaSeconds(job: Pick<Job, "total" | "processed">, rate: number | null): number | null {
  if (!rate || rate <= 0) return null;
  return Math.max(0, job.total - job.processed) / rate;
}

export function percentDone(job: Pick<Job, "total" | "processed">): number {
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}
