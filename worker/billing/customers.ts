import type { Config } from "../config";
import { and, eq, isNull } from "drizzle-orm";
import Stripe from "stripe";
import { getDb } from "../db/client";
import { users, type User } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import type { Logger } from "../lib/logger";
import { callStripe, stripeFor } from "./stripe-client";

/**
 * The user's Stripe customer, created on first need and reused after. Race-safe twice over:
 * concurrent creations share one Stripe idempotency key (Stripe answers all with the same
 * customer), and only the first id lands in D1 (`WHERE stripe_customer_id IS NULL`).
 */
export async function ensureStripeCustomer(env: Env, config: Config, user: User, log: Logger): Promise<string> {
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const db = getDb(env);
  const [current] = await db.select({ id: users.stripeCustomerId }).from(users).where(eq(users.id, user.id));
  if (current?.id) return current.id;

  const params = { email: user.email, ...(user.name ? { name: user.name } : {}), metadata: { userId: user.id } };
  // Stripe refuses a reused key with other parameters, so the key names them too.
  const idempotencyKey = `openline-customer-${user.id}-${(await sha256Hex(JSON.stringify(params))).slice(0, 16)}`;
  const customer = await callStripe(log, "customers.create", () => stripeFor(config).customers.create(params, { idempotencyKey }));
  await db
    .update(users)
    .set({ stripeCustomerId: customer.id })
    .where(and(eq(users.id, user.id), isNull(users.stripeCustomerId)));
  const [stored] = await db.select({ id: users.stripeCustomerId }).from(users).where(eq(users.id, user.id));
  if (stored?.id && stored.id !== customer.id) {
    // Only possible when the idempotency key had expired: the extra customer stays unused in Stripe.
    log.warn("stripe customer created twice; keeping the first", { userId: user.id, kept: stored.id, unused: customer.id });
  }
  return stored?.id ?? customer.id;
}

/**
 * Deleting an Openline account must stop its billing: deleting the Stripe customer cancels its
 * subscriptions at once, so no renewal charges a person who has left. Call it before anything else is
 * deleted: when Stripe fails it throws 503 and the account is still whole for a retry. A customer
 * Stripe no longer knows counts as done.
 */
export async function closeStripeCustomer(env: Env, config: Config, user: Pick<User, "id" | "stripeCustomerId">, log: Logger): Promise<void> {
  const customerId = user.stripeCustomerId;
  if (!customerId) return;
  await callStripe(log, "customers.del", async () => {
    try {
      await stripeFor(config).customers.del(customerId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return;
      throw error;
    }
  });
  log.info("stripe customer deleted with the account", { userId: user.id, customerId });
}
