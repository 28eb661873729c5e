import type { Config } from "../config";
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ledgerFor } from "../credits/ledger";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import type { Logger } from "../lib/logger";
import { callStripe, stripeFor } from "./stripe-client";
import type { StripeEventEnvelope } from "./stripe-objects";

/**
 * Refunds and disputes take back the credits the payment bought (ADR 068; the ledger side is
 * worker/credits/clawback.ts). A charge leads to its purchase through its payment intent: a credit
 * pack's Checkout Session, or a subscription invoice's payment; the credits are the ledger grant of
 * that purchase (`pack:<session>`, `invoice:<invoice>`), taken back in the share refunded or disputed.
 */
const StripeId = z.string().min(1).max(255);
const Ref = z.union([StripeId, z.object({ id: StripeId })]).transform((value) => (typeof value === "string" ? value : value.id));

const ChargeObject = z.object({
  id: StripeId,
  customer: Ref.nullish(),
  payment_intent: Ref.nullish(),
  amount: z.number().int().positive(),
  amount_refunded: z.number().int().nonnegative(),
});
const DisputeObject = z.object({ id: StripeId, charge: Ref, amount: z.number().int().nonnegative(), status: z.string() });

type Outcome = { applied: true; detail: string } | { applied: false; detail: string };
const outcome = (applied: boolean, detail: string): Outcome => (applied ? { applied: true, detail } : { applied: false, detail });

async function purchaseOf(env: Env, config: Config, paymentIntent: string, log: Logger): Promise<string | null> {
  const stripe = stripeFor(config);
  const sessions = await callStripe(log, "checkout.sessions.list", () => stripe.checkout.sessions.list({ payment_intent: paymentIntent, limit: 1 }));
  const session = sessions.data[0];
  if (session && session.mode === "payment") return `pack:${session.id}`;
  const payments = await callStripe(log, "invoicePayments.list", () =>
    stripe.invoicePayments.list({ payment: { type: "payment_intent", payment_intent: paymentIntent }, limit: 1 } as Stripe.InvoicePaymentListParams),
  );
  const invoice = payments.data[0]?.invoice;
  if (!invoice) return null;
  return `invoice:${typeof invoice === "string" ? invoice : invoice.id}`;
}

async function claimBack(
  env: Env, config: Config,
  charge: z.infer<typeof ChargeObject>,
  claim: { key: string; share: number; note: string },
  log: Logger,
): Promise<Outcome> {
  if (!charge.customer || !charge.payment_intent) return outcome(false, "charge without customer or payment intent");
  const [user] = await getDb(env).select({ id: users.id }).from(users).where(eq(users.stripeCustomerId, charge.customer));
  if (!user) return outcome(false, "unknown customer");
  const grantKey = await purchaseOf(env, config, charge.payment_intent, log);
  if (!grantKey) return outcome(false, "charge paid for nothing that granted credits");
  const result = await ledgerFor(env, user.id).clawback({ grantKey, ...claim });
  if (!result.ok) return outcome(false, `no ledger grant ${grantKey}`);
  log.info("credits taken back", { userId: user.id, key: claim.key, grantKey, target: result.target, taken: result.taken, owed: result.owed });
  return outcome(true, `${claim.key}: ${result.target} credits claimed (${result.taken} taken, ${result.owed} owed)`);
}

export async function onChargeRefunded(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<Outcome> {
  const charge = ChargeObject.safeParse(event.data.object);
  if (!charge.success) return outcome(false, "not a charge");
  const share = charge.data.amount_refunded / charge.data.amount;
  return claimBack(env, config, charge.data, { key: `refund:${charge.data.id}`, share, note: `refund of ${charge.data.id}` }, log);
}

/**
 * A dispute takes the credits back when it opens (Stripe takes the money then) and when it is lost;
 * one won, or closed without a loss, gives them back.
 */
export async function onDispute(env: Env, config: Config, event: StripeEventEnvelope, log: Logger): Promise<Outcome> {
  const dispute = DisputeObject.safeParse(event.data.object);
  if (!dispute.success) return outcome(false, "not a dispute");
  const raw = await callStripe(log, "charges.retrieve", () => stripeFor(config).charges.retrieve(dispute.data.charge));
  const charge = ChargeObject.safeParse(raw);
  if (!charge.success) return outcome(false, "unexpected charge shape");
  const closedInFavour = event.type === "charge.dispute.closed" && dispute.data.status !== "lost";
  const share = closedInFavour ? 0 : dispute.data.amount / charge.data.amount;
  return claimBack(env, config, charge.data, { key: `dispute:${dispute.data.id}`, share, note: `dispute ${dispute.data.id} (${dispute.data.status})` }, log);
}
