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
import { auditLedger, grantEntry, listEntries } from "../worker/credits/entries";
import { holdCredits, releaseHold, reserveCredits, setHoldBudget, settleReservation } from "../worker/credits/holds";
import { LedgerStore } from "../worker/credits/ledger-store";
import { migrateLedgerStorage } from "../worker/credits/migrations";

/**
 * One per user (`idFromName(userId)`): the only writer of that user's credits (ADR 006). This class
 * is the RPC surface only (its types: worker/credits/contract.ts); the rules live in worker/credits/:
 * entries.ts (grants, the invariant), holds.ts (a job's hold, reservations, settlement, budgets),
 * ledger-store.ts (every SQL statement) and migrations.ts (the versioned schema, ADR 048).
 * Every write is one storage transaction and idempotent by a caller-chosen key (a Stripe event id, a
 * chunk run id, …): the same key applied twice changes nothing and answers as the first time.
 */
export class CreditLedger extends DurableObject<Env> {
  private readonly store: LedgerStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    migrateLedgerStorage(ctx.storage);
    this.store = new LedgerStore(ctx.storage.sql);
  }

  getBalance(): Balance {
    return this.store.balance();
  }

  grant(input: { key: string; amount: number; reason: LedgerReason; jobId?: string; note?: string }): GrantResult {
    return this.transaction(() => grantEntry(this.store, input));
  }

  hold(input: { jobId: string; amount: number; budget?: number; key?: string }): HoldResult {
    return this.transaction(() => holdCredits(this.store, input));
  }

  reserve(input: ReserveInput): ReserveResult {
    return this.transaction(() => reserveCredits(this.store, input));
  }

  /** Several reservations in one transaction, in order (a consumer leasing a batch of chunks). */
  reserveMany(inputs: ReserveInput[]): ReserveResult[] {
    return this.transaction(() => inputs.map((input) => reserveCredits(this.store, input)));
  }

  settle(input: { jobId: string; key: string; charged: number }): SettleResult {
    return this.transaction(() => settleReservation(this.store, input));
  }

  release(input: { jobId: string }): { released: number } & Balance {
    return this.transaction(() => releaseHold(this.store, input));
  }

  setBudget(input: { jobId: string; budget: number }): { job: JobCredits } & Balance {
    return this.transaction(() => setHoldBudget(this.store, input));
  }

  jobCredits(input: { jobId: string }): JobCredits {
    return this.store.jobCredits(input.jobId);
  }

  audit(): ReturnType<typeof auditLedger> {
    return auditLedger(this.store);
  }

  listEntries(input: { limit: number; cursor?: number }): { data: LedgerEntry[]; nextCursor: number | null } {
    return listEntries(this.store, input);
  }

  // Refunds and disputes (ADR 068): adapters of worker/credits/clawback.ts (its tables are its own, made on first use).
  clawback(input: ClawbackInput): ClawbackResult {
    return this.transaction(() => applyClawback(this.ctx.storage.sql, input));
  }

  payDebt(): { paid: number; owed: number; balance: number } {
    return this.transaction(() => payDebt(this.ctx.storage.sql));
  }

  owed(): number {
    return totalOwed(this.ctx.storage.sql);
  }

  /**
   * Deletes everything (account deletion), then lays the empty schema down again: the object stays
   * usable (a zero balance) for a call that arrives after, instead of failing on missing tables.
   */
  async destroy(): Promise<void> {
    await this.ctx.storage.deleteAll();
    migrateLedgerStorage(this.ctx.storage);
  }

  private transaction<T>(write: () => T): T {
    return this.ctx.storage.transactionSync(write);
  }
}
