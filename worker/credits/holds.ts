import type { Balance, HoldResult, JobCredits, ReserveInput, ReserveResult, SettleResult } from "./contract";
import { budgetRoom, type LedgerStore } from "./ledger-store";

/**
 * A job's credits live in its hold: `amount` (free), `reserved` (promised to chunks being generated)
 * and `charged` (spent). A chunk reserves before it calls the LLM and settles after: it is charged for
 * the lines that passed the checks and the rest of its reservation goes back. So a job never generates
 * a line it has not got a credit for, and a budget-limited job (`maxCredits`) stops at its budget.
 * Holds, reservations and releases only move credits between the balance and what is held; only a
 * settled charge is an entry. Each function runs inside one ledger transaction (the caller's).
 */

/**
 * Holds credits for a job, idempotent by `key` (default: the job id, so a job's first hold happens
 * once). Without a budget the whole `amount` must be available (else `insufficient_credits` with what
 * is missing). With a budget (`maxCredits`, a lifetime cap on what the job may commit) it holds what
 * it can, up to the budget, possibly 0: the job then runs until that is spent and pauses.
 * A later key (retry-failed) adds to the job's hold and reopens it if it was released.
 */
export function holdCredits(store: LedgerStore, input: { jobId: string; amount: number; budget?: number; key?: string }): HoldResult {
  const key = input.key ?? `hold:${input.jobId}`;
  if (store.holdKeyUsed(key)) return { ok: true, jobHold: store.jobCredits(input.jobId).held, replayed: true, ...store.balance() };
  const account = store.balance();
  const current = store.hold(input.jobId);
  const committed = current ? current.charged + current.amount + current.reserved : 0;
  const wanted = input.budget === undefined ? input.amount : Math.max(0, Math.min(input.amount, input.budget - committed));
  if (input.budget === undefined && wanted > account.balance) {
    return { ok: false, code: "insufficient_credits", missing: wanted - account.balance, ...account };
  }
  const take = Math.min(wanted, account.balance);
  store.addToHold(key, input.jobId, take, input.budget ?? null);
  store.moveAccount(-take, take);
  return { ok: true, jobHold: store.jobCredits(input.jobId).held, replayed: false, ...store.balance() };
}

/**
 * Promises up to `amount` of a job's credits to one unit of work (a chunk run), idempotent by `key`.
 * Takes from the free hold; a budget-limited job tops its hold up from the balance within its budget.
 * Answers what it reserved, possibly less than asked or 0 (the job must then pause). A released
 * (closed) hold reserves nothing.
 */
export function reserveCredits(store: LedgerStore, input: ReserveInput): ReserveResult {
  const answer = (reserved: number, replayed: boolean, closed: boolean): ReserveResult => ({
    reserved,
    replayed,
    closed,
    job: store.jobCredits(input.jobId),
    ...store.balance(),
  });
  const existing = store.reservation(input.key);
  if (existing) return answer(existing.amount, true, false);
  const hold = store.hold(input.jobId);
  if (!hold || hold.closed) return answer(0, false, true);
  const wanted = Math.max(0, Math.floor(input.amount));
  if (hold.amount < wanted && hold.budget !== null) {
    const topUp = Math.min(wanted - hold.amount, store.balance().balance, budgetRoom(hold));
    if (topUp > 0) {
      store.topUpHold(input.jobId, topUp);
      store.moveAccount(-topUp, topUp);
      hold.amount += topUp;
    }
  }
  const reserved = Math.min(wanted, hold.amount);
  if (reserved > 0) store.insertReservation(input.key, input.jobId, reserved);
  return answer(reserved, false, false);
}

/**
 * Ends a reservation, idempotent by its key: `charged` credits (lines generated and checked) become
 * one `job_charge` entry keyed by the reservation's key, the rest goes back to the job's hold, or to
 * the balance when the hold was released meanwhile. Never charges more than was reserved.
 */
export function settleReservation(store: LedgerStore, input: { jobId: string; key: string; charged: number }): SettleResult {
  const answer = (charged: number, replayed: boolean): SettleResult => ({
    charged,
    replayed,
    job: store.jobCredits(input.jobId),
    ...store.balance(),
  });
  const reservation = store.reservation(input.key);
  if (!reservation) return answer(0, false);
  if (reservation.settled) return answer(reservation.charged ?? 0, true);
  const charged = Math.max(0, Math.min(Math.floor(input.charged), reservation.amount));
  const rest = reservation.amount - charged;
  const closed = Boolean(store.hold(reservation.job_id)!.closed);
  store.settleReservation(input.key, reservation, charged, closed ? 0 : rest);
  const backToBalance = closed ? rest : 0;
  store.moveAccount(backToBalance, -(charged + backToBalance));
  if (charged > 0) store.insertEntry(input.key, -charged, "job_charge", reservation.job_id, null);
  return answer(charged, false);
}

/**
 * Gives a job's free hold back to the balance and closes it; idempotent (a closed hold stays closed).
 * Reservations still open settle later and return their rest straight to the balance.
 */
export function releaseHold(store: LedgerStore, input: { jobId: string }): { released: number } & Balance {
  const hold = store.hold(input.jobId);
  const released = hold && !hold.closed ? hold.amount : 0;
  if (hold && !hold.closed) {
    store.closeHold(input.jobId);
    store.moveAccount(released, -released);
  }
  return { released, ...store.balance() };
}

/**
 * Sets a job's budget (`maxCredits`, its lifetime cap on committed credits). A free hold above the
 * new budget goes back to the balance at once; what is charged or reserved stays. Setting the same
 * budget again changes nothing, so no idempotency key is needed.
 */
export function setHoldBudget(store: LedgerStore, input: { jobId: string; budget: number }): { job: JobCredits } & Balance {
  const hold = store.hold(input.jobId);
  if (hold) {
    const excess = Math.min(hold.amount, Math.max(0, hold.charged + hold.amount + hold.reserved - input.budget));
    store.setBudget(input.jobId, input.budget, excess);
    store.moveAccount(excess, -excess);
  }
  return { job: store.jobCredits(input.jobId), ...store.balance() };
}
