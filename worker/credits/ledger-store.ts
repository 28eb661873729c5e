import type { Balance, JobCredits, LedgerEntry, LedgerReason } from "./contract";
import { newId } from "../lib/ids";

/**
 * The CreditLedger's rows (tables: worker/credits/migrations.ts). Every SQL statement of the ledger
 * lives here; the rules that decide what to write live in holds.ts and entries.ts.
 *
 * - `account.balance` is what the user can spend now; `account.held` is reserved by jobs.
 * - `entries` change what the user owns (balance + held); `holds` is each job's free, reserved and
 *   charged credits; `hold_keys` and `reservations` make holds and reservations idempotent.
 */

interface EntryRow {
  id: string;
  delta: number;
  reason: LedgerReason;
  job_id: string | null;
  note: string | null;
  created_at: string;
  [key: string]: SqlStorageValue;
}

export interface HoldRow {
  amount: number;
  reserved: number;
  charged: number;
  budget: number | null;
  closed: number;
  [key: string]: SqlStorageValue;
}

export interface ReservationRow {
  job_id: string;
  amount: number;
  charged: number | null;
  settled: number;
  [key: string]: SqlStorageValue;
}

export class LedgerStore {
  constructor(private readonly sql: SqlStorage) {}

  balance(): Balance {
    return this.sql.exec<{ balance: number; held: number }>("SELECT balance, held FROM account").one();
  }

  /** Adds `toBalance` to the balance and `toHeld` to what is held (either may be negative). */
  moveAccount(toBalance: number, toHeld: number): void {
    this.sql.exec("UPDATE account SET balance = balance + ?, held = held + ?", toBalance, toHeld);
  }

  // ---------------------------------------------------------------- entries

  entryByKey(key: string): LedgerEntry | undefined {
    const row = this.sql
      .exec<EntryRow>("SELECT id, delta, reason, job_id, note, created_at FROM entries WHERE idempotency_key = ?", key)
      .toArray()[0];
    return row && toEntry(row);
  }

  insertEntry(key: string, delta: number, reason: LedgerReason, jobId: string | null, note: string | null): LedgerEntry {
    const entry: LedgerEntry = { id: newId("led"), delta, reason, jobId, note, createdAt: new Date().toISOString() };
    this.sql.exec(
      "INSERT INTO entries (id, idempotency_key, delta, reason, job_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      entry.id,
      key,
      delta,
      reason,
      jobId,
      note,
      entry.createdAt,
    );
    return entry;
  }

  /** Newest first, `limit + 1` rows from before `cursor` (a `seq`), so the caller knows if more follow. */
  entriesBefore(cursor: number, limit: number): Array<LedgerEntry & { seq: number }> {
    return this.sql
      .exec<EntryRow & { seq: number }>(
        "SELECT seq, id, delta, reason, job_id, note, created_at FROM entries WHERE seq < ? ORDER BY seq DESC LIMIT ?",
        cursor,
        limit + 1,
      )
      .toArray()
      .map((row) => ({ ...toEntry(row), seq: row.seq }));
  }

  sums(): { entries: number; free: number; reserved: number } {
    return this.sql
      .exec<{ entries: number; free: number; reserved: number }>(
        `SELECT (SELECT COALESCE(SUM(delta), 0) FROM entries) AS entries,
                (SELECT COALESCE(SUM(amount), 0) FROM holds) AS free,
                (SELECT COALESCE(SUM(amount), 0) FROM reservations WHERE settled = 0) AS reserved`,
      )
      .one();
  }

  // ---------------------------------------------------------------- holds

  hold(jobId: string): HoldRow | undefined {
    return this.sql
      .exec<HoldRow>("SELECT amount, reserved, charged, budget, closed FROM holds WHERE job_id = ?", jobId)
      .toArray()[0];
  }

  holdKeyUsed(key: string): boolean {
    return this.sql.exec("SELECT amount FROM hold_keys WHERE key = ?", key).toArray().length > 0;
  }

  /** Adds `amount` to the job's free hold (creating it), reopens it and sets its budget; records `key`. */
  addToHold(key: string, jobId: string, amount: number, budget: number | null): void {
    if (this.hold(jobId)) {
      this.sql.exec("UPDATE holds SET amount = amount + ?, closed = 0, budget = ? WHERE job_id = ?", amount, budget, jobId);
    } else {
      this.sql.exec("INSERT INTO holds (job_id, amount, budget) VALUES (?, ?, ?)", jobId, amount, budget);
    }
    this.sql.exec("INSERT INTO hold_keys (key, job_id, amount) VALUES (?, ?, ?)", key, jobId, amount);
  }

  /** Tops up a job's free hold (a budget-limited job reserving more than it holds). */
  topUpHold(jobId: string, amount: number): void {
    this.sql.exec("UPDATE holds SET amount = amount + ? WHERE job_id = ?", amount, jobId);
  }

  closeHold(jobId: string): void {
    this.sql.exec("UPDATE holds SET amount = 0, closed = 1 WHERE job_id = ?", jobId);
  }

  setBudget(jobId: string, budget: number, freed: number): void {
    this.sql.exec("UPDATE holds SET budget = ?, amount = amount - ? WHERE job_id = ?", budget, freed, jobId);
  }

  // ---------------------------------------------------------------- reservations

  reservation(key: string): ReservationRow | undefined {
    return this.sql
      .exec<ReservationRow>("SELECT job_id, amount, charged, settled FROM reservations WHERE key = ?", key)
      .toArray()[0];
  }

  /** Moves `amount` of the job's free hold into a new reservation keyed `key`. */
  insertReservation(key: string, jobId: string, amount: number): void {
    this.sql.exec("UPDATE holds SET amount = amount - ?, reserved = reserved + ? WHERE job_id = ?", amount, amount, jobId);
    this.sql.exec(
      "INSERT INTO reservations (key, job_id, amount, created_at) VALUES (?, ?, ?, ?)",
      key,
      jobId,
      amount,
      new Date().toISOString(),
    );
  }

  /** Ends a reservation: `charged` becomes spent, `backToHold` returns to the job's free hold. */
  settleReservation(key: string, reservation: ReservationRow, charged: number, backToHold: number): void {
    this.sql.exec(
      "UPDATE holds SET reserved = reserved - ?, charged = charged + ?, amount = amount + ? WHERE job_id = ?",
      reservation.amount,
      charged,
      backToHold,
      reservation.job_id,
    );
    this.sql.exec("UPDATE reservations SET settled = 1, charged = ? WHERE key = ?", charged, key);
  }

  /** A job's credits as the contract reports them (no hold: a closed, empty one). */
  jobCredits(jobId: string): JobCredits {
    const hold = this.hold(jobId);
    if (!hold) return { held: 0, reserved: 0, charged: 0, budget: null, closed: true, available: 0 };
    let available = 0;
    if (!hold.closed) {
      available = hold.amount;
      if (hold.budget !== null) available += Math.min(budgetRoom(hold), this.balance().balance);
    }
    return {
      held: hold.amount + hold.reserved,
      reserved: hold.reserved,
      charged: hold.charged,
      budget: hold.budget,
      closed: hold.closed === 1,
      available,
    };
  }
}

/** What a budget-limited hold may still commit (its budget less what is charged, free and reserved). */
export function budgetRoom(hold: HoldRow): number {
  return Math.max(0, (hold.budget ?? 0) - (hold.charged + hold.amount + hold.reserved));
}

function toEntry(row: EntryRow): LedgerEntry {
  return { id: row.id, delta: row.delta, reason: row.reason, jobId: row.job_id, note: row.note, createdAt: row.created_at };
}
