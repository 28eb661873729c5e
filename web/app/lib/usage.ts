import type { LedgerEntry } from "./types";

export interface DayUsage {
  /** Midnight UTC of the day. */
  day: Date;
  used: number;
}

/**
 * Credits used per UTC day over the last `days` days, oldest first: the job charges (negative
 * deltas with reason `job_charge`), less any refunds of a job's charges.
 */
export function dailyUsage(entries: LedgerEntry[], days: number, now = new Date()): DayUsage[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayMs = 24 * 60 * 60 * 1000;
  const buckets: DayUsage[] = Array.from({ length: days }, (_, i) => ({ day: new Date(today - (days - 1 - i) * dayMs), used: 0 }));
  for (const entry of entries) {
    const at = Date.parse(entry.createdAt);
    if (Number.isNaN(at)) continue;
    const index = days - 1 - Math.floor((today - Math.floor(at / dayMs) * dayMs) / dayMs);
    const bucket = buckets[index];
    if (!bucket) continue;
    if (entry.reason === "job_charge") bucket.used += -entry.delta;
    else if (entry.reason === "refund" && entry.jobId) bucket.used -= entry.delta;
  }
  for (const bucket of buckets) bucket.used = Math.max(0, bucket.used);
  return buckets;
}

/** A round axis maximum at or above the largest value (1, 2, 5 × 10^n). */
export function niceMax(value: number): number {
  if (value <= 0) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
