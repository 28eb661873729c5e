import { describe, expect, it } from "vitest";
import { PACK_CREDITS, PLAN_CREDITS } from "../../../worker/billing/catalogue";
import { call, expectError, json, signup, signupAdmin, type TestUser } from "../../helpers";
import { adminGrant, createScenario, createUploadFixture, jobBody, prospectRows } from "../jobs/fixtures";
import { completedPackSession, customerFor, deliverOk, invoiceObject, putStripeObject, startCheckout, stripeEvent } from "./stripe-helpers";

const balanceOf = async (user: TestUser) => (await json(await call("GET", "/v1/credits", { token: user.accessToken }))).balance as number;

/** A paid credit pack, with the charge and session the fake Stripe answers lookups with. */
async function buyPack(user: TestUser) {
  const { session } = await startCheckout(user, { pack: "credits", quantity: 1 });
  const paymentIntent = `pi_${crypto.randomUUID().replaceAll("-", "")}`;
  const paid = completedPackSession(session, { payment_intent: paymentIntent });
  await putStripeObject("checkout_sessions", paid as { id: string });
  expect(await deliverOk(stripeEvent("checkout.session.completed", paid))).toMatchObject({ outcome: "applied" });
  const charge = { id: `ch_${crypto.randomUUID().replaceAll("-", "")}`, object: "charge", customer: session.customer, payment_intent: paymentIntent, amount: 1000, amount_refunded: 0 };
  await putStripeObject("charges", charge);
  return charge;
}

describe("refunds take the credits back (audit item 13)", () => {
  it("a refund takes back the unspent credits, once, and a partial one its share", async () => {
    const user = await signup();
    const charge = await buyPack(user);
    expect(await balanceOf(user)).toBe(500 + PACK_CREDITS);
    await deliverOk(stripeEvent("charge.refunded", { ...charge, amount_refunded: 250 }));
    expect(await balanceOf(user)).toBe(500 + PACK_CREDITS - PACK_CREDITS / 4);
    // The rest refunded later: the difference; the same state delivered again (a new event): nothing.
    await deliverOk(stripeEvent("charge.refunded", { ...charge, amount_refunded: 1000, refunded: true }));
    await deliverOk(stripeEvent("charge.refunded", { ...charge, amount_refunded: 1000, refunded: true }));
    expect(await balanceOf(user)).toBe(500);
    const credits = await json(await call("GET", "/v1/credits", { token: user.accessToken }));
    expect(credits.ledger.data.filter((entry: any) => entry.reason === "refund").map((entry: any) => entry.delta)).toEqual([
      -(PACK_CREDITS * 3) / 4,
      -PACK_CREDITS / 4,
    ]);
  });

  it("credits already spent are owed: never below zero, new full jobs refused until paid", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    const charge = await buyPack(user);
    // Spend all but 100 of the account's credits.
    await adminGrant(admin, user.id, -(500 + PACK_CREDITS - 100));
    await deliverOk(stripeEvent("charge.refunded", { ...charge, amount_refunded: 1000, refunded: true }));
    expect(await balanceOf(user)).toBe(0);
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const scenario = await createScenario();
    const refused = await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) }), 402, "credits_owed");
    expect(refused.details).toMatchObject({ owed: PACK_CREDITS - 100 });
    expect(refused.message).toMatch(/owe/);
    // A new purchase pays the debt first; what is left is spendable and jobs start again.
    await buyPack(user);
    expect(await balanceOf(user)).toBe(100);
    expect((await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) })).status).toBe(202);
  });
});

describe("disputes (audit item 13)", () => {
  it("an opened dispute takes the credits back, a won one gives them back, a lost one keeps them taken", async () => {
    const user = await signup();
    const won = await buyPack(user);
    const lost = await buyPack(user);
    const dispute = (charge: { id: string }, status: string) => ({ id: `dp_${charge.id}`, object: "dispute", charge: charge.id, amount: 1000, status });
    await deliverOk(stripeEvent("charge.dispute.created", dispute(won, "needs_response")));
    await deliverOk(stripeEvent("charge.dispute.created", dispute(lost, "needs_response")));
    expect(await balanceOf(user)).toBe(500);
    await deliverOk(stripeEvent("charge.dispute.closed", dispute(won, "won")));
    await deliverOk(stripeEvent("charge.dispute.closed", dispute(lost, "lost")));
    expect(await balanceOf(user)).toBe(500 + PACK_CREDITS);
  });

  it("a lost dispute whose opening was missed still takes the credits back", async () => {
    const user = await signup();
    const charge = await buyPack(user);
    await deliverOk(stripeEvent("charge.dispute.closed", { id: `dp_${charge.id}`, object: "dispute", charge: charge.id, amount: 1000, status: "lost" }));
    expect(await balanceOf(user)).toBe(500);
  });
});

describe("a refunded subscription invoice (audit item 13)", () => {
  it("takes back the month's credits, found through the invoice payment", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    const invoice = invoiceObject({ customer, subscription: `sub_${crypto.randomUUID().slice(0, 8)}`, billingReason: "subscription_cycle", lines: [{ price: "price_starter", amount: 1900 }] });
    expect(await deliverOk(stripeEvent("invoice.paid", invoice))).toMatchObject({ outcome: "applied" });
    const granted = await balanceOf(user);
    expect(granted).toBe(500 + PLAN_CREDITS.starter);
    const paymentIntent = `pi_${crypto.randomUUID().replaceAll("-", "")}`;
    await putStripeObject("invoice_payments", { id: `inpay_${paymentIntent}`, object: "invoice_payment", invoice: invoice.id, amount_paid: 1900, payment: { type: "payment_intent", payment_intent: paymentIntent } });
    const charge = { id: `ch_${paymentIntent}`, object: "charge", customer, payment_intent: paymentIntent, amount: 1900, amount_refunded: 1900, refunded: true };
    expect(await deliverOk(stripeEvent("charge.refunded", charge))).toMatchObject({ outcome: "applied" });
    expect(await balanceOf(user)).toBe(500);
  });

  it("a refund Stripe cannot tie to a purchase changes nothing", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    const before = await balanceOf(user);
    const charge = { id: `ch_${crypto.randomUUID().slice(0, 8)}`, object: "charge", customer, payment_intent: `pi_unknown_${crypto.randomUUID().slice(0, 8)}`, amount: 500, amount_refunded: 500 };
    expect(await deliverOk(stripeEvent("charge.refunded", charge))).toMatchObject({ outcome: "ignored" });
    expect(await balanceOf(user)).toBe(before);
  });
});
