import type { Counters } from "../public-job";
import type { ChunkRangeRef } from "../types";

/**
 * A chunk's states (ADR 020):
 * pending → queued (message sent) → running (leased) → settling (result reported, charge recorded
 * first) → done, or back to pending for the rows a stopped run left; blocked (no credits to reserve),
 * canceled (the job ended first).
 */
export type ChunkState = "pending" | "queued" | "running" | "settling" | "done" | "blocked" | "canceled";

/** States with work still ahead: the job is not finished while a chunk is in one. */
export const UNFINISHED: readonly ChunkState[] = ["pending", "queued", "running", "settling", "blocked"];
/** States a chunk that has a message out can be leased from (running: its lease expired). */
export const LEASABLE: readonly ChunkState[] = ["pending", "queued", "running"];
/** States a canceled or failed job cancels at once (a running chunk ends through its lease). */
export const NOT_STARTED: readonly ChunkState[] = ["pending", "queued", "blocked"];

export interface ChunkRow {
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

/** Columns a write may set besides the state (undefined: left as it is). */
export type ChunkFields = Partial<Omit<ChunkRow, "idx" | "start" | "end" | "first_row" | "row_count" | "state">>;

/** Lease columns of a chunk no consumer holds any more. */
export const NO_LEASE = { lease_id: null, lease_until: null, live_generated: null, live_failed: null } as const satisfies ChunkFields;

export interface Transition {
  /** One chunk; all chunks in `from` when absent. */
  idx?: number;
  set?: ChunkFields;
  /** The chunk starts its next run (run + 1). */
  nextRun?: boolean;
  /** Only chunks with failed rows (retry). */
  withFailedRows?: boolean;
}

/** The rows a chunk's next run reserves credits for: all of them the first time, then what is left. */
export const rowsToReserve = (c: ChunkRow): number => (c.result_key === null ? c.row_count : c.pending + (c.retry_failed ? c.failed : 0));

export const rangeOf = (c: ChunkRow): ChunkRangeRef => ({ chunk: c.idx, start: c.start, end: c.end, firstRow: c.first_row, rowCount: c.row_count });

/** The room's chunks table: every read of it, and the one path (`transition`) that changes a state. */
export class ChunkRepository {
  constructor(private readonly sql: SqlStorage) {}

  insert(chunks: ChunkRangeRef[]): void {
    for (const chunk of chunks) {
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
  }

  get(idx: number): ChunkRow | undefined {
    return this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE idx = ?", idx).toArray()[0];
  }

  inState(...states: ChunkState[]): ChunkRow[] {
    return this.sql.exec<ChunkRow>(`SELECT * FROM chunks WHERE state IN (${marks(states)}) ORDER BY idx`, ...states).toArray();
  }

  /** The first `limit` chunks in a state, by index (the fair-share window's next chunks). */
  firstInState(state: ChunkState, limit: number): ChunkRow[] {
    if (limit <= 0) return [];
    return this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE state = ? ORDER BY idx LIMIT ?", state, limit).toArray();
  }

  count(states: readonly ChunkState[]): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM chunks WHERE state IN (${marks(states)})`, ...states).one().n;
  }

  /** All chunks, or (rows 1-based, inclusive) only those holding the rows. */
  covering(rows?: { first: number; last: number }): ChunkRow[] {
    return (
      rows
        ? this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE first_row <= ? AND first_row + row_count > ? ORDER BY idx", rows.last, rows.first)
        : this.sql.exec<ChunkRow>("SELECT * FROM chunks ORDER BY idx")
    ).toArray();
  }

  /** Running chunks whose lease ran out before `now`. */
  expiredLeases(now: number): ChunkRow[] {
    return this.sql.exec<ChunkRow>("SELECT * FROM chunks WHERE state = 'running' AND lease_until < ?", now).toArray();
  }

  /** Queued chunks whose message went out before `before` (or never): it was lost. */
  queuedBefore(before: number): ChunkRow[] {
    return this.sql
      .exec<ChunkRow>("SELECT * FROM chunks WHERE state = 'queued' AND (enqueued_at IS NULL OR enqueued_at < ?)", before)
      .toArray();
  }

  /** The first lease to run out and the oldest message still queued (null: none): when the watchdog is next needed. */
  deadlines(): { leaseUntil: number | null; enqueuedAt: number | null } {
    return this.sql
      .exec<{ leaseUntil: number | null; enqueuedAt: number | null }>(
        `SELECT MIN(CASE WHEN state = 'running' THEN lease_until END) AS leaseUntil,
                MIN(CASE WHEN state = 'queued' THEN COALESCE(enqueued_at, 0) END) AS enqueuedAt FROM chunks`,
      )
      .one();
  }

  /** Failed rows of finished chunks: the ones a retry runs again (a canceled chunk's are not retried). */
  retryableFailedRows(): number {
    return this.sql.exec<{ n: number }>("SELECT COALESCE(SUM(failed), 0) AS n FROM chunks WHERE state = 'done'").one().n;
  }

  /** The job's counters: settled counts, and the live counts of running leases. */
  counters(): Counters {
    const row = this.sql
      .exec<{ generated: number; failed: number }>(
        `SELECT COALESCE(SUM(CASE WHEN state = 'running' AND live_generated IS NOT NULL THEN live_generated ELSE generated END), 0) AS generated,
                COALESCE(SUM(CASE WHEN state = 'running' AND live_failed IS NOT NULL THEN live_failed ELSE failed END), 0) AS failed
         FROM chunks`,
      )
      .one();
    return { processed: row.generated + row.failed, succeeded: row.generated, failed: row.failed };
  }

  /** Moves chunks from one of the `from` states to `to` (a chunk in any other state is left alone). */
  transition(from: ChunkState | readonly ChunkState[], to: ChunkState, change: Transition = {}): void {
    const states = typeof from === "string" ? [from] : [...from];
    const [assignments, values] = assignmentsOf(change.set ?? {});
    const where = [`state IN (${marks(states)})`];
    const whereValues: SqlStorageValue[] = [...states];
    if (change.idx !== undefined) {
      where.push("idx = ?");
      whereValues.push(change.idx);
    }
    if (change.withFailedRows) where.push("failed > 0");
    const set = ["state = ?", ...(change.nextRun ? ["run = run + 1"] : []), ...assignments].join(", ");
    this.sql.exec(`UPDATE chunks SET ${set} WHERE ${where.join(" AND ")}`, to, ...values, ...whereValues);
  }

  /** Writes a chunk's lease or progress columns; its state stays (`transition` changes states). */
  update(idx: number, set: ChunkFields): void {
    const [assignments, values] = assignmentsOf(set);
    if (assignments.length > 0) this.sql.exec(`UPDATE chunks SET ${assignments.join(", ")} WHERE idx = ?`, ...values, idx);
  }
}

const marks = (items: readonly unknown[]) => items.map(() => "?").join(", ");

function assignmentsOf(set: ChunkFields): [string[], SqlStorageValue[]] {
  const entries = Object.entries(set).filter(([, value]) => value !== undefined) as Array<[string, SqlStorageValue]>;
  return [entries.map(([column]) => `${column} = ?`), entries.map(([, value]) => value)];
}
