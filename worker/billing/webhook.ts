import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { stripeEvents } from "../db/schema";
import { ApiError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { billingUnavailable, subtleCrypto } from "./stripe-client";
import { StripeEventEnvelope } from "./stripe-objects";
import { applyStripeEvent } from "./webhook-events";

export interface WebhookResult {
  eventId: string;
  type: string;
  outcome: "applied" | "ignored" | "duplicate";
  detail: string;
}

/**
 * Verifies a Stripe delivery on its raw bytes and applies the event once.
 *
 * Once: the event id is claimed in `stripe_events` (primary key) before anything is applied, so a
 * redelivery or a concurrent second delivery finds it taken and changes nothing. If applying fails,
 * the claim is dropped and the error answered, so Stripe's retry applies it later; the ledger's
 * grant keys make that retry safe even if the first attempt got as far as granting.
 */
export async function receiveStripeWebhook(
  env: Env, config: Config,
  rawBody: Uint8Array,
  signature: string | undefined,
  log: Logger,
): Promise<WebhookResult> {
  const secret = config.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    log.error("stripe webhook received but STRIPE_WEBHOOK_SECRET is not set");
    throw billingUnavailable("STRIPE_WEBHOOK_SECRET is not set.");
  }
  if (!signature) throw new ApiError("invalid_request", "Missing Stripe-Signature header.");

  let verified: unknown;
  try {
    verified = await Stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, subtleCrypto);
  } catch (error) {
    log.warn("stripe webhook rejected", { reason: error instanceof Error ? error.message.split("\n")[0] : String(error) });
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new ApiError("invalid_request", "The Stripe signature is invalid, too old, or does not match the body.");
    }
    throw new ApiError("invalid_request", "The signed body is not valid JSON.");
  }
  const parsed = StripeEventEnvelope.safeParse(verified);
  if (!parsed.success) throw new ApiError("invalid_request", "The signed body is not a Stripe event.");
  const event = parsed.data;
  const eventLog = log.child({ stripeEventId: event.id, stripeEventType: event.type });

  const db = getDb(env);
  const claimed = await db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  if (claimed.length === 0) {
    eventLog.info("stripe event already applied");
    return { eventId: event.id, type: event.type, outcome: "duplicate", detail: "already received" };
  }

  try {
    const outcome = await applyStripeEvent(env, config, event, eventLog);
    if (outcome.applied) eventLog.info("stripe event applied", { detail: outcome.detail });
    else if (outcome.detail === "event type not handled") eventLog.debug("stripe event ignored", { detail: outcome.detail });
    else eventLog.warn("stripe event ignored", { detail: outcome.detail });
    return { eventId: event.id, type: event.type, outcome: outcome.applied ? "applied" : "ignored", detail: outcome.detail };
  } catch (error) {
    await db.delete(stripeEvents).where(eq(stripeEvents.id, event.id));
    throw error;
  }
}
