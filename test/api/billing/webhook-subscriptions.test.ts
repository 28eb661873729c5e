import { describe, expect, it } from "vitest";
import { json, signup, type TestUser } from "../../helpers";
import {
  creditsOf,
  customerFor,
  deliver,
  deliverOk,
  injectStripeFailure,
  invoiceObject,
  ledgerEntriesWithNote,
  PRICES,
  putSubscription,
  startCheckout,
  stripeEvent,
  subscriptionObject,
  subscriptionOf,
  uniqueSuffix,
  type StripeTestEvent,
} from "./stripe-helpers";

const now = () => Math.floor(Date.now() / 1000);

interface PlanPurchase {
  user: TestUser;
  customer: string;
  subscriptionId: string;
  firstInvoiceId: string;
  completed: StripeTestEvent;
  firstInvoicePaid: StripeTestEvent;
  balance: number;
}

/** A user who checked out a plan: the subscription exists in the fake Stripe; the two events that report the payment are ready. */
async function planPurchase(plan: "starter" | "growth" | "pro" = "starter", created = now()): Promise<PlanPurchase> {
  const user = await signup();
  const { session, customer } = await startCheckout(user, { plan });
  const firstInvoiceId = `in_${uniqueSuffix()}`;
  const subscription = subscriptionObject({ customer, price: PRICES[plan], latestInvoice: firstInvoiceId });
  await putSubscription(subscription);
  const completed = stripeEvent(
    "checkout.session.completed",
    { ...session, status: "complete", payment_status: "paid", subscription: subscription.id, invoice: firstInvoiceId },
    { created },
  );
  const firstInvoicePaid = stripeEvent(
    "invoice.paid",
    invoiceObject({
      id: firstInvoiceId,
      customer,
      subscription: subscription.id,
      billingReason: "subscription_create",
      lines: [{ price: PRICES[plan], amount: 1900 }],
    }),
    { created },
  );
  return { user, customer, subscriptionId: subscription.id, firstInvoiceId, completed, firstInvoicePaid, balance: (await creditsOf(user)).balance };
}

function subscriptionEvent(
  type: string,
  purchase: PlanPurchase,
  created: number,
  options: { price?: string; status?: string; cancelAtPeriodEnd?: boolean; periodEnd?: number } = {},
): StripeTestEvent {
  return stripeEvent(
    type,
    subscriptionObject({
      id: purchase.subscriptionId,
      customer: purchase.customer,
      price: options.price ?? PRICES.starter,
      status: options.status ?? "active",
      cancelAtPeriodEnd: options.cancelAtPeriodEnd ?? false,
      ...(options.periodEnd ? { periodEnd: options.periodEnd } : {}),
    }),
    { created },
  );
}

function renewal(purchase: PlanPurchase, price: string, created = now()): StripeTestEvent {
  return stripeEvent(
    "invoice.paid",
    invoiceObject({ customer: purchase.customer, subscription: purchase.subscriptionId, billingReason: "subscription_cycle", lines: [{ price, amount: 1900 }] }),
    { created },
  );
}

describe("plans through the webhook — happy", () => {
  it("checkout.session.completed sets the plan and grants its monthly credits with reason plan", async () => {
    const purchase = await planPurchase("growth");
    expect(await deliverOk(purchase.completed)).toMatchObject({ outcome: "applied" });
    const credits = await creditsOf(purchase.user);
    expect(credits.balance).toBe(purchase.balance + 10_000);
    expect(ledgerEntriesWithNote(credits, purchase.firstInvoiceId)).toMatchObject([{ delta: 10_000, reason: "plan" }]);
    const subscription = await subscriptionOf(purchase.user);
    expect(subscription).toMatchObject({ plan: "growth", status: "active", monthlyCredits: 10_000, cancelAtPeriodEnd: false });
    expect(Date.parse(subscription.currentPeriodEnd!)).toBeGreaterThan(Date.now());
  });

  it("grants the first month once whether checkout or the first invoice.paid arrives first", async () => {
    for (const order of ["checkout first", "invoice first"]) {
      const purchase = await planPurchase("starter");
      const events = order === "checkout first" ? [purchase.completed, purchase.firstInvoicePaid] : [purchase.firstInvoicePaid, purchase.completed];
      for (const event of events) await deliverOk(event);
      const credits = await creditsOf(purchase.user);
      expect(credits.balance, order).toBe(purchase.balance + 2000);
      expect(ledgerEntriesWithNote(credits, purchase.firstInvoiceId), order).toHaveLength(1);
      expect((await subscriptionOf(purchase.user)).plan, order).toBe("starter");
    }
  });

  it("grants the plan the session sold even if the subscription changed plan before the event arrived", async () => {
    const purchase = await planPurchase("starter");
    await putSubscription(subscriptionObject({ id: purchase.subscriptionId, customer: purchase.customer, price: PRICES.pro, latestInvoice: purchase.firstInvoiceId }));
    await deliverOk(purchase.completed);
    const credits = await creditsOf(purchase.user);
    expect(ledgerEntriesWithNote(credits, purchase.firstInvoiceId)).toMatchObject([{ delta: 2000, reason: "plan" }]);
    // The state is the subscription's current one.
    expect((await subscriptionOf(purchase.user)).plan).toBe("pro");
  });

  it("grants the first month once when checkout and the first invoice arrive at the same time", async () => {
    const purchase = await planPurchase("pro");
    const responses = await Promise.all([deliver(purchase.completed), deliver(purchase.firstInvoicePaid), deliver(purchase.completed)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const credits = await creditsOf(purchase.user);
    expect(credits.balance).toBe(purchase.balance + 25_000);
    expect(ledgerEntriesWithNote(credits, purchase.firstInvoiceId)).toHaveLength(1);
  });

  it("grants each renewal once with reason renewal, for the plan the invoice paid", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const first = renewal(purchase, PRICES.starter);
    for (let i = 0; i < 3; i++) await deliverOk(first);
    const second = renewal(purchase, PRICES.starter);
    await deliverOk(second);
    const credits = await creditsOf(purchase.user);
    expect(credits.balance).toBe(purchase.balance + 3 * 2000);
    expect(credits.ledger.data.map((entry) => entry.reason)).toEqual(["renewal", "renewal", "plan", "signup"]);
  });

  it("tops up the difference when an upgrade is invoiced at once; a downgrade grants nothing", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const upgrade = invoiceObject({
      customer: purchase.customer,
      subscription: purchase.subscriptionId,
      billingReason: "subscription_update",
      lines: [
        { price: PRICES.starter, amount: -950 },
        { price: PRICES.growth, amount: 3950 },
      ],
    });
    expect((await deliverOk(stripeEvent("invoice.paid", upgrade))).outcome).toBe("applied");
    const downgrade = invoiceObject({
      customer: purchase.customer,
      subscription: purchase.subscriptionId,
      billingReason: "subscription_update",
      lines: [
        { price: PRICES.growth, amount: -3950 },
        { price: PRICES.starter, amount: 950 },
      ],
    });
    expect((await deliverOk(stripeEvent("invoice.paid", downgrade))).outcome).toBe("ignored");
    const credits = await creditsOf(purchase.user);
    expect(credits.balance).toBe(purchase.balance + 2000 + 8000);
    expect(ledgerEntriesWithNote(credits, upgrade.id)).toMatchObject([{ delta: 8000, reason: "plan" }]);
  });

  it("follows plan changes from customer.subscription.updated without granting", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, now() + 5, { price: PRICES.pro }));
    expect(await subscriptionOf(purchase.user)).toMatchObject({ plan: "pro", status: "active" });
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 2000);
  });

  it("keeps the plan until the period ends after a cancel, then goes back to free", async () => {
    const purchase = await planPurchase("growth");
    await deliverOk(purchase.completed);
    const periodEnd = now() + 20 * 86_400;
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, now() + 5, { price: PRICES.growth, cancelAtPeriodEnd: true, periodEnd }));
    expect(await subscriptionOf(purchase.user)).toMatchObject({
      plan: "growth",
      status: "active",
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(periodEnd * 1000).toISOString(),
    });
    await deliverOk(subscriptionEvent("customer.subscription.deleted", purchase, now() + 10, { price: PRICES.growth, status: "canceled" }));
    expect(await subscriptionOf(purchase.user)).toEqual({
      plan: "free",
      status: "canceled",
      monthlyCredits: 0,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
    });
    // Credits already granted stay.
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 10_000);
  });

  it("marks the account past due on a failed renewal, keeps the credits, and recovers", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const failed = invoiceObject({ customer: purchase.customer, subscription: purchase.subscriptionId, billingReason: "subscription_cycle", lines: [{ price: PRICES.starter, amount: 1900 }] });
    expect((await deliverOk(stripeEvent("invoice.payment_failed", failed, { created: now() + 5 }))).outcome).toBe("applied");
    expect(await subscriptionOf(purchase.user)).toMatchObject({ plan: "starter", status: "past_due" });
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 2000);
    await deliverOk(stripeEvent("invoice.paid", { ...failed, status: "paid" }, { created: now() + 10 }));
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, now() + 10));
    expect(await subscriptionOf(purchase.user)).toMatchObject({ plan: "starter", status: "active" });
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 4000);
  });
});

describe("plans through the webhook — out of order", () => {
  it("keeps the newest plan when an older update arrives last", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const t = now();
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, t + 20, { price: PRICES.pro }));
    const late = await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, t + 10, { price: PRICES.growth }));
    expect(late.outcome).toBe("ignored");
    expect((await subscriptionOf(purchase.user)).plan).toBe("pro");
  });

  it("stays free when the deletion arrives before older updates", async () => {
    const purchase = await planPurchase("growth");
    await deliverOk(purchase.completed);
    const t = now();
    await deliverOk(subscriptionEvent("customer.subscription.deleted", purchase, t + 30, { price: PRICES.growth, status: "canceled" }));
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, t + 20, { price: PRICES.growth, cancelAtPeriodEnd: true }));
    const failed = invoiceObject({ customer: purchase.customer, subscription: purchase.subscriptionId, billingReason: "subscription_cycle", lines: [{ price: PRICES.growth, amount: 1 }] });
    await deliverOk(stripeEvent("invoice.payment_failed", failed, { created: t + 25 }));
    expect(await subscriptionOf(purchase.user)).toMatchObject({ plan: "free", status: "canceled" });
  });

  it("on a tie in time, an update does not revive a deleted subscription", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const t = now() + 40;
    await deliverOk(subscriptionEvent("customer.subscription.deleted", purchase, t, { status: "canceled" }));
    await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, t, { status: "active" }));
    expect((await subscriptionOf(purchase.user)).plan).toBe("free");
  });

  it("ends in the right state and credits when a whole lifecycle arrives in reverse", async () => {
    const purchase = await planPurchase("starter", now());
    const t = purchase.completed.created;
    const cycle = renewal(purchase, PRICES.growth, t + 40);
    const lifecycle = [
      purchase.completed,
      purchase.firstInvoicePaid,
      subscriptionEvent("customer.subscription.updated", purchase, t + 20, { price: PRICES.growth }),
      cycle,
      subscriptionEvent("customer.subscription.updated", purchase, t + 60, { price: PRICES.growth, cancelAtPeriodEnd: true }),
      subscriptionEvent("customer.subscription.deleted", purchase, t + 80, { price: PRICES.growth, status: "canceled" }),
    ];
    // What the fake Stripe answers by then: the canceled subscription.
    await putSubscription({ ...subscriptionObject({ id: purchase.subscriptionId, customer: purchase.customer, price: PRICES.growth, status: "canceled" }) });
    for (const event of [...lifecycle].reverse()) await deliverOk(event);
    expect(await subscriptionOf(purchase.user)).toMatchObject({ plan: "free", status: "canceled" });
    const credits = await creditsOf(purchase.user);
    expect(credits.balance).toBe(purchase.balance + 2000 + 10_000);
    expect(ledgerEntriesWithNote(credits, purchase.firstInvoiceId)).toMatchObject([{ delta: 2000, reason: "plan" }]);
    expect(ledgerEntriesWithNote(credits, cycle.data.object.id as string)).toMatchObject([{ delta: 10_000, reason: "renewal" }]);
  });
});

describe("plans through the webhook — bad input is a logged no-op", () => {
  it("grants nothing for an invoice whose price maps to no plan", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const result = await deliverOk(renewal(purchase, "price_retired_plan"));
    expect(result).toMatchObject({ outcome: "ignored", detail: "no invoice line's price maps to a plan" });
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 2000);
  });

  it("keeps the plan when an update's price maps to no plan", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const result = await deliverOk(subscriptionEvent("customer.subscription.updated", purchase, now() + 5, { price: "price_unknown" }));
    expect(result.outcome).toBe("ignored");
    expect((await subscriptionOf(purchase.user)).plan).toBe("starter");
  });

  it("grants nothing and sets no plan for a subscription checkout whose price maps to no plan", async () => {
    const user = await signup();
    const { session, customer } = await startCheckout(user, { plan: "starter" });
    const subscription = subscriptionObject({ customer, price: "price_someone_elses" });
    await putSubscription(subscription);
    const before = (await creditsOf(user)).balance;
    const result = await deliverOk(
      stripeEvent("checkout.session.completed", { ...session, payment_status: "paid", status: "complete", subscription: subscription.id, invoice: `in_${uniqueSuffix()}` }),
    );
    expect(result).toMatchObject({ outcome: "ignored", detail: "subscription price maps to no plan" });
    expect((await creditsOf(user)).balance).toBe(before);
    expect((await subscriptionOf(user)).plan).toBe("free");
  });

  it("ignores invoices and subscriptions of unknown customers", async () => {
    const user = await signup();
    await customerFor(user);
    const before = await creditsOf(user);
    const stranger = `cus_unknown_${uniqueSuffix()}`;
    const invoice = invoiceObject({ customer: stranger, subscription: `sub_${uniqueSuffix()}`, billingReason: "subscription_cycle", lines: [{ price: PRICES.pro, amount: 1 }] });
    expect(await deliverOk(stripeEvent("invoice.paid", invoice))).toMatchObject({ outcome: "ignored", detail: "unknown customer" });
    const subscription = subscriptionObject({ customer: stranger, price: PRICES.pro });
    expect(await deliverOk(stripeEvent("customer.subscription.updated", subscription))).toMatchObject({ outcome: "ignored", detail: "unknown customer" });
    expect(await creditsOf(user)).toEqual(before);
    expect((await subscriptionOf(user)).plan).toBe("free");
  });

  it("ignores invoices that are not for a subscription or not a renewal", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const manual = invoiceObject({ customer: purchase.customer, subscription: purchase.subscriptionId, billingReason: "manual", lines: [{ price: PRICES.starter, amount: 1900 }] });
    const oneOff = invoiceObject({ customer: purchase.customer, subscription: null, billingReason: "subscription_cycle", lines: [{ price: PRICES.starter, amount: 1900 }] });
    expect((await deliverOk(stripeEvent("invoice.paid", manual))).outcome).toBe("ignored");
    expect((await deliverOk(stripeEvent("invoice.paid", oneOff))).outcome).toBe("ignored");
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 2000);
  });

  it("does not apply a failed payment of a subscription the user no longer has", async () => {
    const purchase = await planPurchase("starter");
    await deliverOk(purchase.completed);
    const other = invoiceObject({ customer: purchase.customer, subscription: `sub_old_${uniqueSuffix()}`, billingReason: "subscription_cycle", lines: [{ price: PRICES.starter, amount: 1 }] });
    expect((await deliverOk(stripeEvent("invoice.payment_failed", other, { created: now() + 5 }))).outcome).toBe("ignored");
    expect((await subscriptionOf(purchase.user)).status).toBe("active");
  });
});

describe("plans through the webhook — Stripe unavailable", () => {
  it("answers 503 without claiming the event when the subscription cannot be read, and applies the redelivery once", async () => {
    const purchase = await planPurchase("starter");
    await injectStripeFailure(purchase.subscriptionId, 500, 2);
    const failed = await deliver(purchase.completed);
    expect(failed.status).toBe(503);
    expect((await json(failed)).error.code).toBe("service_unavailable");
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance);
    expect((await deliverOk(purchase.completed)).outcome).toBe("applied");
    expect((await deliverOk(purchase.completed)).outcome).toBe("duplicate");
    expect((await creditsOf(purchase.user)).balance).toBe(purchase.balance + 2000);
  });
});
