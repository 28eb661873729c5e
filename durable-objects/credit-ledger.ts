import { DurableObject } from "cloudflare:workers";
import { newId } from "../worker/lib/ids";

/**
 * One per user (`idFromName(userId)`): the only writer of that user's credits.
 *
 * - `balance` is what the user can spend now; `held` is reserved by running jobs.
 * - Every entry changes what the user owns (balance + held): grants (+), job charges (−), admin (±).
 *   Holds and releases only move credits between `balance` and `held`, so they are not entries.
 *   Invariant: sum(entries.delta) == balance + held, and neither ever goes below zero.
 * - Every write is idempotent by a caller-chosen key (a Stripe event id, a chunk id, …): the same key
 *   applied twice changes nothing and answers as the first time.
 */
export type LedgerReason =
  | "signup"
  | "plan"
  | "renewal"
  | "pack"
  | "admin"
  | "job_charge"
  | "refund";

export interface LedgerEntry {
  id: string;
  delta: number;
  reason: LedgerReason;
  jobId: string | null;
  /** Free text: the admin's reason, the Stripe object, … */
  note: string | null;
  createdAt: string;
}

export interface Balance {
  balance: number;
  held: number;
}

export type GrantResult =
  | ({ ok: true; entry: LedgerEntry; replayed: boolean } & Balance)
  | ({ ok: false; code: "insufficient_credits" } & Balance);

export type HoldResult =
  | ({ ok: true; jobHold: number } & Balance)
  | ({ ok: false; code: "insufficient_credits"; missing: number } & Balance);

interface EntryRow {
  id: string;
  delta: number;
  reason: LedgerReason;
  job_id: string | null;
  note: string | null;
  created_at: string;
  [key: string]: SqlStorageValue;
}

export class CreditLedger extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        balance INTEGER NOT NULL CHECK (balance >= 0),
        held INTEGER NOT NULL CHECK (held >= 0)
      );
      INSERT OR IGNORE INTO account (id, balance, held) VALUES (1, 0, 0);
      CREATE TABLE IF NOT EXISTS entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        delta INTEGER NOT NULL,
        reason TEXT NOT NULL,
        job_id TEXT,
        note TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS holds (
        job_id TEXT PRIMARY KEY,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        closed INTEGER NOT NULL DEFAULT 0
      );
    `);
  }

  getBalance(): Balance {
    return this.sql.exec<{ balance: number; held: number }>("SELECT balance, held FROM account").one();
  }

  /**
   * Adds (or, for admin corrections, removes) credits. A removal larger than the balance is refused,
   * never clamped, so the caller learns that nothing happened.
   */
  grant(input: { key: string; amount: number; reason: LedgerReason; jobId?: string; note?: string }): GrantResult {
    return this.ctx.storage.transactionSync(() => {
      const existing = this.entryByKey(input.key);
      if (existing) return { ok: true as const, entry: existing, replayed: true, ...this.getBalance() };
      const account = this.getBalance();
      if (account.balance + input.amount < 0) {
        return { ok: false as const, code: "insufficient_credits" as const, ...account };
      }
      this.sql.exec("UPDATE account SET balance = balance + ?", input.amount);
      const entry = this.insertEntry(input.key, input.amount, input.reason, input.jobId ?? null, input.note ?? null);
      return { ok: true as const, entry, replayed: false, ...this.getBalance() };
    });
  }

  /**
   * Reserves credits for a job, idempotent by job id. Without a budget the whole `amount` must be
   * available (else `insufficient_credits` with what is missing). With a budget (`maxCredits`) it
   * holds what it can, up to `min(amount, budget)`, and the job runs until that is spent.
   */
  hold(input: { jobId: string; amount: number; budget?: number }): HoldResult {
    return this.ctx.storage.transactionSync(() => {
      const current = this.jobHold(input.jobId);
      if (current) return { ok: true as const, jobHold: current.amount, ...this.getBalance() };
      const account = this.getBalance();
      const wanted = input.budget === undefined ? input.amount : Math.min(input.amount, input.budget);
      if (input.budget === undefined && wanted > account.balance) {
        return {
          ok: false as const,
          code: "insufficient_credits" as const,
          missing: wanted - account.balance,
          ...account,
        };
      }
      const amount = Math.min(wanted, account.balance);
      this.sql.exec("INSERT INTO holds (job_id, amount) VALUES (?, ?)", input.jobId, amount);
      this.sql.exec("UPDATE account SET balance = balance - ?, held = held + ?", amount, amount);
      return { ok: true as const, jobHold: amount, ...this.getBalance() };
    });
  }

  /**
   * Charges `amount` credits of a job's hold, idempotent by `key` (a chunk id). Never more than the
   * hold: the caller only generates lines it holds credits for.
   */
  charge(input: { jobId: string; key: string; amount: number }): { charged: number; replayed: boolean } & Balance {
    return this.ctx.storage.transactionSync(() => {
      const existing = this.entryByKey(input.key);
      if (existing) return { charged: -existing.delta, replayed: true, ...this.getBalance() };
      const hold = this.jobHold(input.jobId);
      const charged = Math.min(input.amount, hold?.amount ?? 0);
      if (charged > 0) {
        this.sql.exec("UPDATE holds SET amount = amount - ? WHERE job_id = ?", charged, input.jobId);
        this.sql.exec("UPDATE account SET held = held - ?", charged);
      }
      this.insertEntry(input.key, -charged, "job_charge", input.jobId, null);
      return { charged, replayed: false, ...this.getBalance() };
    });
  }

  /** Gives a job's remaining hold back to the balance; idempotent (a closed hold stays closed). */
  release(input: { jobId: string }): { released: number } & Balance {
    return this.ctx.storage.transactionSync(() => {
      const hold = this.jobHold(input.jobId);
      const released = hold && !hold.closed ? hold.amount : 0;
      if (hold && !hold.closed) {
        this.sql.exec("UPDATE holds SET amount = 0, closed = 1 WHERE job_id = ?", input.jobId);
        this.sql.exec("UPDATE account SET balance = balance + ?, held = held - ?", released, released);
      }
      return { released, ...this.getBalance() };
    });
  }

  /** Newest first; `cursor` is the `seq` of the last entry of the previous page. */
  listEntries(input: { limit: number; cursor?: number }): { data: LedgerEntry[]; nextCursor: number | null } {
    const rows = this.sql
      .exec<EntryRow & { seq: number }>(
        "SELECT seq, id, delta, reason, job_id, note, created_at FROM entries WHERE seq < ? ORDER BY seq DESC LIMIT ?",
        input.cursor ?? Number.MAX_SAFE_INTEGER,
        input.limit + 1,
      )
      .toArray();
    const page = rows.slice(0, input.limit);
    return {
      data: page.map(toEntry),
      nextCursor: rows.length > input.limit ? page[page.length - 1]!.seq : null,
    };
  }

  /** Deletes everything (account deletion). */
  async destroy(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private jobHold(jobId: string): { amount: number; closed: number } | undefined {
    return this.sql
      .exec<{ amount: number; closed: number }>("SELECT amount, closed FROM holds WHERE job_id = ?", jobId)
      .toArray()[0];
  }

  private entryByKey(key: string): LedgerEntry | undefined {
    const row = this.sql
      .exec<EntryRow>("SELECT id, delta, reason, job_id, note, created_at FROM entries WHERE idempotency_key = ?", key)
      .toArray()[0];
    return row && toEntry(row);
  }

  private insertEntry(
    key: string,
    delta: number,
    reason: LedgerReason,
    jobId: string | null,
    note: string | null,
  ): LedgerEntry {
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
}

function toEntry(row: EntryRow): LedgerEntry {
  return { id: row.id, delta: row.delta, reason: row.reason, jobId: row.job_id, note: row.note, createdAt: row.created_at };
}

export function ledgerFor(env: Env, userId: string): DurableObjectStub<CreditLedger> {
  return env.CREDIT_LEDGER.get(env.CREDIT_LEDGER.idFromName(userId));
}
