import type { Balance, GrantResult, LedgerEntry, LedgerReason } from "./contract";
import type { LedgerStore } from "./ledger-store";

/**
 * Entries are what changes what the user owns (balance + held): grants (+), job charges (−, written
 * by holds.ts when a reservation settles), admin corrections (±). Invariant: sum(entries.delta) ==
 * balance + held, and neither ever goes below zero.
 */

/**
 * Adds (or, for admin corrections, removes) credits, idempotent by `key`. A removal larger than the
 * balance is refused, never clamped, so the caller learns that nothing happened. The domain's way in
 * is grantCredits() (grant-credits.ts), which also resumes paused jobs.
 */
export function grantEntry(
  store: LedgerStore,
  input: { key: string; amount: number; reason: LedgerReason; jobId?: string; note?: string },
): GrantResult {
  const existing = store.entryByKey(input.key);
  if (existing) return { ok: true, entry: existing, replayed: true, ...store.balance() };
  const account = store.balance();
  if (account.balance + input.amount < 0) return { ok: false, code: "insufficient_credits", ...account };
  store.moveAccount(input.amount, 0);
  const entry = store.insertEntry(input.key, input.amount, input.reason, input.jobId ?? null, input.note ?? null);
  return { ok: true, entry, replayed: false, ...store.balance() };
}

/** Newest first; `cursor` is the `seq` of the last entry of the previous page. */
export function listEntries(store: LedgerStore, input: { limit: number; cursor?: number }): { data: LedgerEntry[]; nextCursor: number | null } {
  const rows = store.entriesBefore(input.cursor ?? Number.MAX_SAFE_INTEGER, input.limit);
  const page = rows.slice(0, input.limit);
  return {
    data: page.map(({ seq: _seq, ...entry }) => entry),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Sums for checking the invariant (tests, admin): entries == balance + held == free + reserved. */
export function auditLedger(store: LedgerStore): { entriesSum: number; holdsFree: number; reservedOpen: number } & Balance {
  const sums = store.sums();
  return { entriesSum: sums.entries, holdsFree: sums.free, reservedOpen: sums.reserved, ...store.balance() };
}
