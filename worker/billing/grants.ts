import { ledgerFor } from "../credits/ledger";
import type { LedgerReason } from "../credits/contract";
import { onCreditsGranted } from "../credits-events";
import type { Logger } from "../lib/logger";

export interface BillingGrant {
  /**
   * Idempotency key, named after the Stripe object that was paid for (`pack:<checkout session>`,
   * `invoice:<invoice>`): redeliveries, concurrent deliveries and different events about the same
   * payment (completed + async_payment_succeeded, checkout + first invoice) all land once.
   */
  key: string;
  amount: number;
  reason: Extract<LedgerReason, "plan" | "renewal" | "pack">;
  note: string;
}

/**
 * Grants through the user's CreditLedger, then lets budget-paused jobs resume (`afterGrant` is the
 * jobs pipeline's hook; tests pass a recorder).
 */
export async function grantPurchasedCredits(
  env: Env,
  userId: string,
  grant: BillingGrant,
  log: Logger,
  afterGrant: (env: Env, userId: string) => Promise<void> = onCreditsGranted,
): Promise<{ replayed: boolean }> {
  const result = await ledgerFor(env, userId).grant(grant);
  if (!result.ok) throw new Error(`ledger refused a positive grant (${grant.key})`);
  log.info("credits granted", { userId, key: grant.key, amount: grant.amount, reason: grant.reason, replayed: result.replayed });
  try {
    // Also after a replay: the first attempt may have died between its grant and this call.
    await afterGrant(env, userId);
  } catch (error) {
    // The credits are in; a failed resume must not make Stripe redeliver the payment.
    log.error("onCreditsGranted failed", { userId, error });
  }
  return { replayed: result.replayed };
}
