/**
 * The CreditLedger's contract: the shapes its RPC methods take and return. The Durable Object
 * (durable-objects/credit-ledger.ts) implements them; callers reach it through `ledgerFor`.
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
  | ({ ok: true; jobHold: number; replayed: boolean } & Balance)
  | ({ ok: false; code: "insufficient_credits"; missing: number } & Balance);

/** A job's credits as the ledger sees them. */
export interface JobCredits {
  /** Held for the job: free + reserved by chunks. */
  held: number;
  reserved: number;
  charged: number;
  /** Lifetime cap (maxCredits) or null when the whole cost was held up front. */
  budget: number | null;
  closed: boolean;
  /** What a chunk could reserve now: the free hold plus what the budget and balance still allow. */
  available: number;
}

export interface ReserveInput {
  jobId: string;
  key: string;
  amount: number;
}
export type ReserveResult = { reserved: number; replayed: boolean; closed: boolean; job: JobCredits } & Balance;
export type SettleResult = { charged: number; replayed: boolean; job: JobCredits } & Balance;
