import { DurableObject } from "cloudflare:workers";
import type {
  Balance,
  GrantResult,
  HoldResult,
  JobCredits,
  LedgerEntry,
  LedgerReason,
  ReserveInput,
  ReserveResult,
  SettleResult,
} from "../worker/credits/contract";
import { applyClawback, payDebt, totalOwed, type ClawbackInput, type ClawbackResult } from "../worker/credits/clawback";
import { newId } from "../worker/lib/ids";

/**
 * One per user (`idFromName(userId)`): the only writer of that user's credits.
 *
 * - `balance` is what the user can spend now; `held` is reserved by jobs.
 * - Every entry changes what the user owns (balance + held): grants (+), job charges (−), admin (±).
 *   Holds, reservations and releases only move credits between `balance` and `held`, so they are not
 *   entries. Invariant: sum(entries.delta) == balance + held, and neither ever goes below zero.
 * - Every write is idempotent by a caller-chosen key (a Stripe event id, a chunk run id, …): the same
 *   key applied twice changes nothing and answers as the first time.
 *
 * A job's credits live in its hold: `amount` (free), `reserved` (promised to chunks being generated)
 * and `charged` (spent). A chunk reserves before it calls the LLM and settles after: it is charged for
 * the lines that passed the checks and the rest of its reservation goes back. So a job never generates
 * a line it has not got a credit for, and a budget-limited job (`maxCredits`) stops at its budget.
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

interface HoldRow {
  amount: number;
  reserved: number;
  charged: number;
  budget: number | null;
  closed: number;
  [key: string]: SqlStorageValue;
}

interface ReservationRow {
  job_id: string;
  amount: number;
  charged: number | null;
  settled: number;
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
        reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        charged INTEGER NOT NULL DEFAULT 0 CHECK (charged >= 0),
        budget INTEGER,
        closed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS hold_keys (
        key TEXT PRIMARY KEY,
        job_id TEXT NOT NULL,
        amount INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS reservations (
        key TEXT PRIMARY KEY,
        job_id TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        charged INTEGER,
        settled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
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
   * Holds credits for a job, idempotent by `key` (default: the job id, so a job's first hold happens
   * once). Without a budget the whole `amount` must be available (else `insufficient_credits` with what
   * is missing). With a budget (`maxCredits`, a lifetime cap on what the job may commit) it holds what
   * it can, up to the budget, possibly 0: the job then runs until that is spent and pauses.
   * A later key (retry-failed) adds to the job's hold and reopens it if it was released.
   */
  hold(input: { jobId: string; amount: number; budget?: number; key?: string }): HoldResult {
    const key = input.key ?? `hold:${input.jobId}`;
    return this.ctx.storage.transactionSync(() => {
      const replay = this.sql.exec<{ amount: number }>("SELECT amount FROM hold_keys WHERE key = ?", key).toArray()[0];
      if (replay) return { ok: true as const, jobHold: this.jobCreditsOf(input.jobId).held, replayed: true, ...this.getBalance() };
      const account = this.getBalance();
      const current = this.holdRow(input.jobId);
      const committed = current ? current.charged + current.amount + current.reserved : 0;
      const wanted =
        input.budget === undefined ? input.amount : Math.max(0, Math.min(input.amount, input.budget - committed));
      if (input.budget === undefined && wanted > account.balance) {
        return {
          ok: false as const,
          code: "insufficient_credits" as const,
          missing: wanted - account.balance,
          ...account,
        };
      }
      const take = Math.min(wanted, account.balance);
      if (current) {
        this.sql.exec(
          "UPDATE holds SET amount = amount + ?, closed = 0, budget = ? WHERE job_id = ?",
          take,
          input.budget ?? null,
          input.jobId,
        );
      } else {
        this.sql.exec("INSERT INTO holds (job_id, amount, budget) VALUES (?, ?, ?)", input.jobId, take, input.budget ?? null);
      }
      this.sql.exec("INSERT INTO hold_keys (key, job_id, amount) VALUES (?, ?, ?)", key, input.jobId, take);
      this.sql.exec("UPDATE account SET balance = balance - ?, held = held + ?", take, take);
      return { ok: true as const, jobHold: this.jobCreditsOf(input.jobId).held, replayed: false, ...this.getBalance() };
    });
  }

  /**
   * Promises up to `amount` of a job's credits to one unit of work (a chunk run), idempotent by `key`.
   * Takes from the free hold; a budget-limited job tops its hold up from the balance within its budget.
   * Answers what it reserved, possibly less than asked or 0 (the job must then pause). A released
   * (closed) hold reserves nothing.
   */
  reserve(input: ReserveInput): ReserveResult {
    return this.ctx.storage.transactionSync(() => this.reserveOne(input));
  }

  /** Several reservations in one transaction, in order (a consumer claiming a batch of chunks). */
  reserveMany(inputs: ReserveInput[]): ReserveResult[] {
    return this.ctx.storage.transactionSync(() => inputs.map((input) => this.reserveOne(input)));
  }

  private reserveOne(input: ReserveInput): ReserveResult {
    const existing = this.reservation(input.key);
    if (existing) {
      return { reserved: existing.amount, replayed: true, closed: false, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
    }
    const hold = this.holdRow(input.jobId);
    if (!hold || hold.closed) {
      return { reserved: 0, replayed: false, closed: true, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
    }
    const wanted = Math.max(0, Math.floor(input.amount));
    if (hold.amount < wanted && hold.budget !== null) {
      const account = this.getBalance();
      const budgetRoom = Math.max(0, hold.budget - (hold.charged + hold.amount + hold.reserved));
      const topUp = Math.min(wanted - hold.amount, account.balance, budgetRoom);
      if (topUp > 0) {
        this.sql.exec("UPDATE holds SET amount = amount + ? WHERE job_id = ?", topUp, input.jobId);
        this.sql.exec("UPDATE account SET balance = balance - ?, held = held + ?", topUp, topUp);
        hold.amount += topUp;
      }
    }
    const reserved = Math.min(wanted, hold.amount);
    if (reserved > 0) {
      this.sql.exec(
        "UPDATE holds SET amount = amount - ?, reserved = reserved + ? WHERE job_id = ?",
        reserved,
        reserved,
        input.jobId,
      );
      this.sql.exec(
        "INSERT INTO reservations (key, job_id, amount, created_at) VALUES (?, ?, ?, ?)",
        input.key,
        input.jobId,
        reserved,
        new Date().toISOString(),
      );
    }
    return { reserved, replayed: false, closed: false, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
  }

  /**
   * Ends a reservation, idempotent by its key: `charged` credits (lines generated and checked) become
   * one `job_charge` entry keyed by the reservation's key, the rest goes back to the job's hold, or to
   * the balance when the hold was released meanwhile. Never charges more than was reserved.
   */
  settle(input: { jobId: string; key: string; charged: number }): SettleResult {
    return this.ctx.storage.transactionSync(() => {
      const reservation = this.reservation(input.key);
      if (!reservation) return { charged: 0, replayed: false, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
      if (reservation.settled) {
        return { charged: reservation.charged ?? 0, replayed: true, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
      }
      const charged = Math.max(0, Math.min(Math.floor(input.charged), reservation.amount));
      const rest = reservation.amount - charged;
      const hold = this.holdRow(reservation.job_id)!;
      this.sql.exec(
        "UPDATE holds SET reserved = reserved - ?, charged = charged + ?, amount = amount + ? WHERE job_id = ?",
        reservation.amount,
        charged,
        hold.closed ? 0 : rest,
        reservation.job_id,
      );
      const backToBalance = hold.closed ? rest : 0;
      this.sql.exec("UPDATE account SET held = held - ?, balance = balance + ?", charged + backToBalance, backToBalance);
      if (charged > 0) this.insertEntry(input.key, -charged, "job_charge", reservation.job_id, null);
      this.sql.exec("UPDATE reservations SET settled = 1, charged = ? WHERE key = ?", charged, input.key);
      return { charged, replayed: false, job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
    });
  }

  /**
   * Gives a job's free hold back to the balance and closes it; idempotent (a closed hold stays closed).
   * Reservations still open settle later and return their rest straight to the balance.
   */
  release(input: { jobId: string }): { released: number } & Balance {
    return this.ctx.storage.transactionSync(() => {
      const hold = this.holdRow(input.jobId);
      const released = hold && !hold.closed ? hold.amount : 0;
      if (hold && !hold.closed) {
        this.sql.exec("UPDATE holds SET amount = 0, closed = 1 WHERE job_id = ?", input.jobId);
        this.sql.exec("UPDATE account SET balance = balance + ?, held = held - ?", released, released);
      }
      return { released, ...this.getBalance() };
    });
  }

  /**
   * Sets a job's budget (`maxCredits`, its lifetime cap on committed credits). A free hold above the
   * new budget goes back to the balance at once; what is charged or reserved stays. Setting the same
   * budget again changes nothing, so no idempotency key is needed.
   */
  setBudget(input: { jobId: string; budget: number }): { job: JobCredits } & Balance {
    return this.ctx.storage.transactionSync(() => {
      const hold = this.holdRow(input.jobId);
      if (hold) {
        const excess = Math.min(hold.amount, Math.max(0, hold.charged + hold.amount + hold.reserved - input.budget));
        this.sql.exec("UPDATE holds SET budget = ?, amount = amount - ? WHERE job_id = ?", input.budget, excess, input.jobId);
        this.sql.exec("UPDATE account SET balance = balance + ?, held = held - ?", excess, excess);
      }
      return { job: this.jobCreditsOf(input.jobId), ...this.getBalance() };
    });
  }

  jobCredits(input: { jobId: string }): JobCredits {
    return this.jobCreditsOf(input.jobId);
  }

  /** Sums for checking the invariant (tests, admin): entries == balance + held == free + reserved. */
  audit(): { entriesSum: number; holdsFree: number; reservedOpen: number } & Balance {
    const sums = this.sql
      .exec<{ entries: number; free: number; reserved: number }>(
        `SELECT (SELECT COALESCE(SUM(delta), 0) FROM entries) AS entries,
                (SELECT COALESCE(SUM(amount), 0) FROM holds) AS free,
                (SELECT COALESCE(SUM(amount), 0) FROM reservations WHERE settled = 0) AS reserved`,
      )
      .one();
    return { entriesSum: sums.entries, holdsFree: sums.free, reservedOpen: sums.reserved, ...this.getBalance() };
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

  // Refunds and disputes (ADR 068): adapters of worker/credits/clawback.ts.
  clawback(input: ClawbackInput): ClawbackResult {
    return this.ctx.storage.transactionSync(() => applyClawback(this.sql, input));
  }
  payDebt(): { paid: number; owed: number; balance: number } {
    return this.ctx.storage.transactionSync(() => payDebt(this.sql));
  }
  owed(): number {
    return totalOwed(this.sql);
  }

  /** Deletes everything (account deletion). */
  async destroy(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private holdRow(jobId: string): HoldRow | undefined {
    return this.sql
      .exec<HoldRow>("SELECT amount, reserved, charged, budget, closed FROM holds WHERE job_id = ?", jobId)
      .toArray()[0];
  }

  private reservation(key: string): ReservationRow | undefined {
    return this.sql
      .exec<ReservationRow>("SELECT job_id, amount, charged, settled FROM reservations WHERE key = ?", key)
      .toArray()[0];
  }

  private jobCreditsOf(jobId: string): JobCredits {
    const hold = this.holdRow(jobId);
    if (!hold) return { held: 0, reserved: 0, charged: 0, budget: null, closed: true, available: 0 };
    let available = 0;
    if (!hold.closed) {
      available = hold.amount;
      if (hold.budget !== null) {
        const budgetRoom = Math.max(0, hold.budget - (hold.charged + hold.amount + hold.reserved));
        available += Math.min(budgetRoom, this.getBalance().balance);
      }
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
