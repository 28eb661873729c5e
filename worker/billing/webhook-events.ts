import type { Config } from "../config";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "../db/client";
import { users, type User } from "../db/schema";
import type { Logger } from "../lib/logger";
import {
  getCatalogue,
  PACK_CREDITS,
  PACK_IDS,
  PACK_MAX_QUANTITY,
  PAID_PLAN_IDS,
  PLAN_CREDITS,
  planForPrice,
  type PaidPlanId,
} from "./catalogue";
import { grantPurchasedCredits, type BillingGrant } from "./grants";
import { onChargeRefunded, onDispute } from "./refunds";
import { callStripe, stripeFor } from "./stripe-client";
import {
  CheckoutSessionObject,
  InvoiceObject,
  SubscriptionObject,
  type StripeEventEnvelope,
} from "./stripe-objects";
import { applySubscriptionSnapshot, markPastDue, snapshotOf } from "./subscription-state";

/** What a verified event did: `applied`, or a logged no-op with the reason. */
export type EventOutcome = { applied: true; detail: string } | { applied: false; detail: string };

const applied = (detail: string): EventOutcome => ({ applied: true, detail });
const ignored = (detail: string): EventOutcome => ({ applied: false, detail });

/**
 * Applies one verified, not-yet-seen Stripe event. Unknown types are ignored. Whatever cannot be tied
 * to one of our customers, or to something we sell, is a no-op: a payment turns into credits only
 * through the customer id we stored at checkout (ADR 031).
 */
export async function applyStripeEvent(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<EventOutcome> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return onCheckoutPaid(env, config, event, log);
    case "invoice.paid":
      return onInvoicePaid(env, config, event, log);
    case "invoice.payment_failed":
      return onInvoicePaymentFailed(env, event);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.paused":
    case "customer.subscription.resumed":
      return onSubscriptionChanged(env, config, event, log);
    case "charge.refunded":
      return onChargeRefunded(env, config, event, log);
    case "charge.dispute.created":
    case "charge.dispute.closed":
      return onDispute(env, config, event, log);
    default:
      return ignored("event type not handled");
  }
}

function parseObject<T extends z.ZodType>(schema: T, event: StripeEventEnvelope): z.infer<T> | null {
  const parsed = schema.safeParse(event.data.object);
  return parsed.success ? parsed.data : null;
}

async function userByCustomer(env: Env, customerId: string | null | undefined): Promise<User | undefined> {
  if (!customerId) return undefined;
  const [user] = await getDb(env).select().from(users).where(eq(users.stripeCustomerId, customerId));
  return user;
}

async function onCheckoutPaid(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<EventOutcome> {
  const session = parseObject(CheckoutSessionObject, event);
  if (!session) return ignored("not a checkout session");
  // Delayed payment methods complete unpaid; `async_payment_succeeded` follows when the money is in.
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") {
    return ignored(`payment not settled (${session.payment_status})`);
  }
  const user = await userByCustomer(env, session.customer);
  if (!user) return ignored("unknown customer");
  if (session.client_reference_id && session.client_reference_id !== user.id) {
    return ignored("client_reference_id is not the customer's user");
  }

  if (session.mode === "payment") {
    const { kind, pack, quantity: rawQuantity } = session.metadata;
    if (kind !== "pack" || !PACK_IDS.includes(pack as (typeof PACK_IDS)[number])) return ignored("not a credit-pack purchase");
    const quantity = Number(rawQuantity);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > PACK_MAX_QUANTITY) return ignored(`bad pack quantity "${rawQuantity}"`);
    await grantPurchasedCredits(
      env,
      user.id,
      { key: `pack:${session.id}`, amount: quantity * PACK_CREDITS, reason: "pack", note: `${quantity} × credit pack (${session.id})` },
      log,
    );
    return applied(`pack ×${quantity}`);
  }

  if (session.mode === "subscription") {
    if (!session.subscription) return ignored("subscription checkout without a subscription");
    const subscriptionId = session.subscription;
    // The session does not say which period or price it paid for; the subscription does.
    const raw = await callStripe(log, "subscriptions.retrieve", () => stripeFor(config).subscriptions.retrieve(subscriptionId));
    const subscription = SubscriptionObject.safeParse(raw);
    if (!subscription.success) return ignored("unexpected subscription shape");
    if (subscription.data.customer !== session.customer) return ignored("subscription belongs to another customer");
    const snapshot = snapshotOf(subscription.data, getCatalogue(config, log));
    if (!snapshot.plan) return ignored("subscription price maps to no plan");
    const state = await applySubscriptionSnapshot(env, user.id, snapshot, event.created);
    // The first month is the plan this session sold (our metadata), even if the subscription has
    // changed plan since; the first invoice's own event computes the same grant under the same key.
    const sold = PAID_PLAN_IDS.find((plan) => plan === session.metadata.plan) ?? snapshot.plan;
    const invoiceId = session.invoice ?? subscription.data.latest_invoice;
    if (!invoiceId) return applied(`plan ${snapshot.plan} (${state}); credits wait for invoice.paid`);
    await grantPurchasedCredits(env, user.id, planGrant(sold, invoiceId, "plan"), log);
    return applied(`plan ${snapshot.plan} (${state})`);
  }
  return ignored(`checkout mode ${session.mode} not handled`);
}

/**
 * One grant per paid invoice, keyed by the invoice: the first invoice of a subscription is also what
 * its checkout session paid, so checkout.session.completed and invoice.paid share the key.
 */
function planGrant(plan: PaidPlanId, invoiceId: string, reason: "plan" | "renewal"): BillingGrant {
  return {
    key: `invoice:${invoiceId}`,
    amount: PLAN_CREDITS[plan],
    reason,
    note: `${plan} plan, ${reason === "plan" ? "first month" : "renewal"} (${invoiceId})`,
  };
}

interface PricedLine {
  amount: number;
  plan: PaidPlanId | null;
  start: number;
}

async function onInvoicePaid(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<EventOutcome> {
  const invoice = parseObject(InvoiceObject, event);
  if (!invoice) return ignored("not an invoice");
  const user = await userByCustomer(env, invoice.customer);
  if (!user) return ignored("unknown customer");
  if (!invoice.parent?.subscription_details?.subscription) return ignored("not a subscription invoice");
  const catalogue = getCatalogue(config, log);
  const lines: PricedLine[] = invoice.lines.data.map((line) => ({
    amount: line.amount,
    plan: planForPrice(catalogue, line.pricing?.price_details?.price),
    start: line.period?.start ?? 0,
  }));
  // The plan paid for is the newest charged line that maps to a plan (prorations credit the old one).
  const charged = lines.filter((line) => line.plan && line.amount >= 0).sort((a, b) => b.start - a.start);
  const plan = charged[0]?.plan ?? null;
  if (!plan) return ignored("no invoice line's price maps to a plan");

  switch (invoice.billing_reason) {
    case "subscription_create":
    case "subscription_cycle": {
      const reason = invoice.billing_reason === "subscription_create" ? "plan" : "renewal";
      await grantPurchasedCredits(env, user.id, planGrant(plan, invoice.id, reason), log);
      return applied(`${reason} ${plan}`);
    }
    case "subscription_update": {
      // An upgrade invoiced at once: the difference in monthly credits, for the invoice that paid it.
      const previous = lines.find((line) => line.plan && line.amount < 0)?.plan ?? null;
      if (!previous) return ignored("plan change without a prorated previous plan");
      const difference = PLAN_CREDITS[plan] - PLAN_CREDITS[previous];
      if (difference <= 0) return ignored(`no credits for a change from ${previous} to ${plan}`);
      await grantPurchasedCredits(
        env,
        user.id,
        { key: `invoice:${invoice.id}`, amount: difference, reason: "plan", note: `upgrade ${previous} → ${plan} (${invoice.id})` },
        log,
      );
      return applied(`upgrade ${previous} → ${plan}`);
    }
    default:
      return ignored(`billing reason ${invoice.billing_reason ?? "none"} grants nothing`);
  }
}

async function onInvoicePaymentFailed(env: Env, event: StripeEventEnvelope): Promise<EventOutcome> {
  const invoice = parseObject(InvoiceObject, event);
  if (!invoice) return ignored("not an invoice");
  const user = await userByCustomer(env, invoice.customer);
  if (!user) return ignored("unknown customer");
  const subscriptionId = invoice.parent?.subscription_details?.subscription;
  if (!subscriptionId) return ignored("not a subscription invoice");
  const result = await markPastDue(env, user.id, subscriptionId, event.created);
  return result === "applied" ? applied("past_due") : ignored("older than the stored state, or not the current subscription");
}

async function onSubscriptionChanged(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<EventOutcome> {
  const subscription = parseObject(SubscriptionObject, event);
  if (!subscription) return ignored("not a subscription");
  const user = await userByCustomer(env, subscription.customer);
  if (!user) return ignored("unknown customer");
  const snapshot = snapshotOf(subscription, getCatalogue(config, log));
  const result = await applySubscriptionSnapshot(env, user.id, snapshot, event.created);
  switch (result) {
    case "applied":
      return applied(`${snapshot.phase === "ended" ? "free" : snapshot.plan} (${subscription.status})`);
    case "unmapped":
      return ignored("subscription price maps to no plan");
    case "pending":
      return ignored(`subscription ${subscription.status}: nothing to apply yet`);
    case "stale":
      return ignored("older than the stored state, or not the current subscription");
  }
}
