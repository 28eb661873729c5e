import type { LedgerEntry } from "./types";

/** A ledger line as the account page shows it: a job's charges together, with its file name. */
export interface LedgerLine extends LedgerEntry {
  /** Entries merged into this line (a job's chunk charges and row regenerations). */
  count: number;
}

/**
 * One line per job for its charges (the ledger has one per chunk run), in the place of the job's
 * newest charge; every other entry stays as it is. Entries come newest first.
 */
export function groupLedger(entries: LedgerEntry[]): LedgerLine[] {
  const lines: LedgerLine[] = [];
  const byJob = new Map<string, LedgerLine>();
  for (const entry of entries) {
    const key = entry.reason === "job_charge" && entry.jobId ? entry.jobId : null;
    const line = key ? byJob.get(key) : undefined;
    if (line) {
      line.delta += entry.delta;
      line.count += 1;
      continue;
    }
    const next = { ...entry, count: 1 };
    if (key) byJob.set(key, next);
    lines.push(next);
  }
  return lines;
}
