import Stripe from "stripe";
import type { User } from "../db/schema";
import type { Logger } from "../lib/logger";
import { callStripe, stripeFor } from "./stripe-client";

/**
 * Deleting an Openline account must stop its billing: deleting the Stripe customer cancels its
 * subscriptions at once, so no renewal charges a person who has left. Call it before anything else is
 * deleted: when Stripe fails it throws 503 and the account is still whole for a retry. A customer
 * Stripe no longer knows counts as done.
 */
export async function closeStripeCustomer(env: Env, user: Pick<User, "id" | "stripeCustomerId">, log: Logger): Promise<void> {
  const customerId = user.stripeCustomerId;
  if (!customerId) return;
  await callStripe(log, "customers.del", async () => {
    try {
      await stripeFor(env).customers.del(customerId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return;
      throw error;
    }
  });
  log.info("stripe customer deleted with the account", { userId: user.id, customerId });
}
