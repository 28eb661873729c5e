import type { LedgerReason } from "../credits/contract";
import { grantCredits, onCreditsGranted } from "../credits/grant-credits";
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
 * A paid grant through grantCredits() (which also resumes paused jobs, by its one rule). A ledger
 * refusing a positive grant is a bug, so it throws: Stripe then redelivers the event.
 */
export async function grantPurchasedCredits(
  env: Env,
  userId: string,
  grant: BillingGrant,
  log: Logger,
  afterGrant: (env: Env, userId: string) => Promise<void> = onCreditsGranted,
): Promise<{ replayed: boolean }> {
  const result = await grantCredits(env, userId, grant, log, afterGrant);
  if (!result.ok) throw new Error(`ledger refused a positive grant (${grant.key})`);
  return { replayed: result.replayed };
}
