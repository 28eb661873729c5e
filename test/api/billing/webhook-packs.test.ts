import { describe, expect, it } from "vitest";
import { json, signup } from "../../helpers";
import {
  completedPackSession,
  creditsOf,
  customerFor,
  deliver,
  deliverOk,
  ledgerEntriesWithNote,
  startCheckout,
  stripeEvent,
  uniqueSuffix,
} from "./stripe-helpers";

describe("credit packs through the webhook — happy", () => {
  it("grants quantity × 1,000 credits, visible in GET /v1/credits with reason pack", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 4 });
    const before = await creditsOf(user);
    expect(await deliverOk(stripeEvent("checkout.session.completed", completedPackSession(session)))).toMatchObject({ outcome: "applied" });
    const after = await creditsOf(user);
    expect(after.balance).toBe(before.balance + 4000);
    const [entry] = ledgerEntriesWithNote(after, session.id);
    expect(entry).toMatchObject({ delta: 4000, reason: "pack", jobId: null });
    expect(after.ledger.data.map((e) => e.reason)).toEqual(["pack", "signup"]);
  });

  it("waits for a delayed payment: unpaid completion grants nothing, async_payment_succeeded grants", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 2 });
    const before = (await creditsOf(user)).balance;
    const unpaid = await deliverOk(stripeEvent("checkout.session.completed", completedPackSession(session, { payment_status: "unpaid" })));
    expect(unpaid.outcome).toBe("ignored");
    expect((await creditsOf(user)).balance).toBe(before);
    await deliverOk(stripeEvent("checkout.session.async_payment_succeeded", completedPackSession(session)));
    expect((await creditsOf(user)).balance).toBe(before + 2000);
  });
});

describe("credit packs through the webhook — applied once", () => {
  it("grants once when the same event is delivered three times", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 5 });
    const before = (await creditsOf(user)).balance;
    const event = stripeEvent("checkout.session.completed", completedPackSession(session));
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await deliverOk(event)).outcome);
    expect(outcomes).toEqual(["applied", "duplicate", "duplicate"]);
    const after = await creditsOf(user);
    expect(after.balance).toBe(before + 5000);
    expect(ledgerEntriesWithNote(after, session.id)).toHaveLength(1);
  });

  it("grants once when two deliveries of one event arrive at the same time", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 6 });
    const before = (await creditsOf(user)).balance;
    const event = stripeEvent("checkout.session.completed", completedPackSession(session));
    const responses = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const outcomes = (await Promise.all(responses.map((r) => json(r)))).map((b) => b.outcome).sort();
    expect(outcomes).toEqual(["applied", "duplicate", "duplicate"]);
    const after = await creditsOf(user);
    expect(after.balance).toBe(before + 6000);
    expect(ledgerEntriesWithNote(after, session.id)).toHaveLength(1);
  });

  it("grants once for two different events about the same payment, even concurrently", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 2 });
    const before = (await creditsOf(user)).balance;
    const responses = await Promise.all([
      deliver(stripeEvent("checkout.session.completed", completedPackSession(session))),
      deliver(stripeEvent("checkout.session.async_payment_succeeded", completedPackSession(session))),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const after = await creditsOf(user);
    expect(after.balance).toBe(before + 2000);
    expect(ledgerEntriesWithNote(after, session.id)).toHaveLength(1);
  });
});

describe("credit packs through the webhook — bad input is a logged no-op", () => {
  it("grants nothing for an unknown customer, even when it names a real user", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 3 });
    const before = (await creditsOf(user)).balance;
    const stranger = completedPackSession(session, { id: `cs_test_${uniqueSuffix()}`, customer: `cus_unknown_${uniqueSuffix()}` });
    const result = await deliverOk(stripeEvent("checkout.session.completed", stranger));
    expect(result).toMatchObject({ outcome: "ignored", detail: "unknown customer" });
    expect((await creditsOf(user)).balance).toBe(before);
  });

  it("grants nothing when client_reference_id names another user than the customer's", async () => {
    const ann = await signup();
    const bob = await signup();
    const { session } = await startCheckout(ann, { pack: "credits", quantity: 3 });
    const [annBefore, bobBefore] = [(await creditsOf(ann)).balance, (await creditsOf(bob)).balance];
    const crossed = completedPackSession(session, { client_reference_id: bob.id, metadata: { ...session.metadata, userId: bob.id } });
    expect((await deliverOk(stripeEvent("checkout.session.completed", crossed))).outcome).toBe("ignored");
    expect((await creditsOf(ann)).balance).toBe(annBefore);
    expect((await creditsOf(bob)).balance).toBe(bobBefore);
  });

  it.each([
    ["quantity 0", { quantity: "0" }],
    ["quantity 10,000", { quantity: "10000" }],
    ["a quantity that is not a number", { quantity: "lots" }],
    ["an unknown pack", { pack: "mega" }],
    ["no pack metadata at all", { kind: undefined, pack: undefined, quantity: undefined }],
  ])("grants nothing for a paid session with %s", async (_label, metadata) => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 1 });
    const before = (await creditsOf(user)).balance;
    const odd = completedPackSession(session, { id: `cs_test_${uniqueSuffix()}`, metadata: { ...session.metadata, ...metadata } });
    expect((await deliverOk(stripeEvent("checkout.session.completed", odd))).outcome).toBe("ignored");
    expect((await creditsOf(user)).balance).toBe(before);
  });

  it("answers 200 and ignores event types it does not handle", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    const before = await creditsOf(user);
    for (const type of ["customer.created", "charge.refunded", "payment_intent.succeeded", "checkout.session.expired"]) {
      const result = await deliverOk(stripeEvent(type, { id: `obj_${uniqueSuffix()}`, object: "thing", customer }));
      expect(result).toMatchObject({ outcome: "ignored" });
    }
    expect(await creditsOf(user)).toEqual(before);
  });

  it("treats a signed event whose object has an unexpected shape as a no-op", async () => {
    const user = await signup();
    const before = (await creditsOf(user)).balance;
    const result = await deliverOk(stripeEvent("checkout.session.completed", { id: 42, surprise: true }));
    expect(result).toMatchObject({ outcome: "ignored", detail: "not a checkout session" });
    expect((await creditsOf(user)).balance).toBe(before);
  });
});
