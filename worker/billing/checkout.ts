import type { Config } from "../config";
import type { User } from "../db/schema";
import { ApiError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { getCatalogue, packItem, planItem, type PackId, type PaidPlanId } from "./catalogue";
import { ensureStripeCustomer } from "./customers";
import { callStripe, stripeFor } from "./stripe-client";

export type CheckoutRequest = { kind: "plan"; plan: PaidPlanId } | { kind: "pack"; pack: PackId; quantity: number };

/** Where Stripe sends the browser back: the web app's billing page. */
export function billingPageUrl(config: Config, query = ""): string {
  return new URL(`/account/billing${query}`, config.APP_URL).toString();
}

/**
 * A Stripe Checkout session for a plan (subscription) or packs (one payment, quantity × pack price).
 * The user id travels as `client_reference_id` and in metadata; the webhook still trusts only the
 * customer id, which ties the payment to the account (ADR 031).
 */
export async function createCheckoutSession(env: Env, config: Config, user: User, request: CheckoutRequest, log: Logger): Promise<string> {
  const catalogue = getCatalogue(config, log);
  const item = request.kind === "plan" ? planItem(catalogue, request.plan) : packItem(catalogue, request.pack);
  if (!item.available || !item.priceId) {
    throw new ApiError("invalid_request", `"${item.id}" cannot be bought right now.`, { item: item.id, available: false });
  }
  if (request.kind === "plan" && user.stripeSubscriptionId && user.plan !== "free") {
    throw new ApiError("conflict", "You already have a subscription; change or cancel it in the billing portal.", {
      plan: user.plan,
      portal: "/v1/billing/portal",
    });
  }

  const customer = await ensureStripeCustomer(env, config, user, log);
  const common = {
    customer,
    client_reference_id: user.id,
    success_url: billingPageUrl(config, "?checkout=success&session_id={CHECKOUT_SESSION_ID}"),
    cancel_url: billingPageUrl(config, "?checkout=cancel"),
  };
  const stripe = stripeFor(config);
  const session = await callStripe(log, "checkout.sessions.create", () =>
    request.kind === "plan"
      ? stripe.checkout.sessions.create({
          ...common,
          mode: "subscription",
          line_items: [{ price: item.priceId!, quantity: 1 }],
          metadata: { userId: user.id, kind: "plan", plan: request.plan },
          subscription_data: { metadata: { userId: user.id, plan: request.plan } },
        })
      : stripe.checkout.sessions.create({
          ...common,
          mode: "payment",
          line_items: [{ price: item.priceId!, quantity: request.quantity }],
          metadata: { userId: user.id, kind: "pack", pack: request.pack, quantity: String(request.quantity) },
          payment_intent_data: { metadata: { userId: user.id } },
        }),
  );
  if (!session.url) {
    log.error("stripe checkout session without a url", { sessionId: session.id });
    throw new ApiError("service_unavailable", "The payment provider did not return a checkout page; try again.");
  }
  log.info("checkout session created", { userId: user.id, sessionId: session.id, item: item.id });
  return session.url;
}

/** A Stripe customer-portal session (change plan, cancel, invoices, payment methods). */
export async function createPortalSession(env: Env, config: Config, user: User, log: Logger): Promise<string> {
  const customer = await ensureStripeCustomer(env, config, user, log);
  const session = await callStripe(log, "billingPortal.sessions.create", () =>
    stripeFor(config).billingPortal.sessions.create({ customer, return_url: billingPageUrl(config) }),
  );
  return session.url;
}
