import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import {
  callWithConfig,
  completedPackSession,
  creditsOf,
  deliver,
  signatureFor,
  startCheckout,
  stripeEvent,
  type StripeTestEvent,
} from "./stripe-helpers";

/** A signed-in user with a paid-for pack of 3 whose completion event is ready to deliver. */
async function paidPack(): Promise<{ user: TestUser; event: StripeTestEvent; balance: number }> {
  const user = await signup();
  const { session } = await startCheckout(user, { pack: "credits", quantity: 3 });
  const event = stripeEvent("checkout.session.completed", completedPackSession(session));
  return { user, event, balance: (await creditsOf(user)).balance };
}

async function post(payload: string, signature?: string): Promise<Response> {
  return call("POST", "/v1/webhooks/stripe", {
    raw: payload,
    headers: { "Content-Type": "application/json", ...(signature !== undefined ? { "Stripe-Signature": signature } : {}) },
  });
}

/** After a rejected delivery nothing was applied, and the event was not marked as seen: a genuine delivery still applies. */
async function expectNothingAppliedThenGenuineApplies(user: TestUser, event: StripeTestEvent, balance: number) {
  expect((await creditsOf(user)).balance).toBe(balance);
  const genuine = await deliver(event);
  expect(genuine.status).toBe(200);
  expect((await json(genuine)).outcome).toBe("applied");
  expect((await creditsOf(user)).balance).toBe(balance + 3000);
}

describe("POST /v1/webhooks/stripe — happy", () => {
  it("accepts a delivery signed with the webhook secret", async () => {
    const { user, event, balance } = await paidPack();
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ received: true, eventId: event.id, outcome: "applied", detail: "pack ×3" });
    expect((await creditsOf(user)).balance).toBe(balance + 3000);
  });

  it("accepts a signature header carrying several v1 signatures (secret rotation)", async () => {
    const { user, event, balance } = await paidPack();
    const payload = JSON.stringify(event);
    const good = await signatureFor(payload);
    const old = await signatureFor(payload, { secret: "whsec_previous_secret" });
    const [t, v1] = good.split(",");
    const response = await post(payload, `${t},${old.split(",")[1]},${v1}`);
    expect(response.status).toBe(200);
    expect((await creditsOf(user)).balance).toBe(balance + 3000);
  });
});

describe("POST /v1/webhooks/stripe — errors", () => {
  it("rejects a delivery without a signature with 400", async () => {
    const { user, event, balance } = await paidPack();
    await expectError(await post(JSON.stringify(event)), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("rejects a malformed signature header with 400", async () => {
    const { user, event, balance } = await paidPack();
    await expectError(await post(JSON.stringify(event), "t=abc,v1=zzz"), 400, "invalid_request");
    await expectError(await post(JSON.stringify(event), "nonsense"), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("rejects a signature whose timestamp is outside the 5-minute tolerance", async () => {
    const { user, event, balance } = await paidPack();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    await expectError(await deliver(event, { timestamp: tenMinutesAgo }), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("answers 503 and applies nothing when the server has no webhook secret configured", async () => {
    const { user, event, balance } = await paidPack();
    const payload = JSON.stringify(event);
    const response = await callWithConfig({ STRIPE_WEBHOOK_SECRET: "" }, "POST", "/v1/webhooks/stripe", {
      raw: payload,
      headers: { "Content-Type": "application/json", "Stripe-Signature": await signatureFor(payload) },
    });
    await expectError(response, 503, "service_unavailable");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("rejects a signed body that is not a Stripe event", async () => {
    const payload = JSON.stringify({ hello: "world" });
    await expectError(await post(payload, await signatureFor(payload)), 400, "invalid_request");
    const notJson = "this is not json";
    await expectError(await post(notJson, await signatureFor(notJson)), 400, "invalid_request");
  });
});

describe("POST /v1/webhooks/stripe — security", () => {
  it("rejects an event signed with another secret (forged)", async () => {
    const { user, event, balance } = await paidPack();
    await expectError(await deliver(event, { secret: "whsec_attacker" }), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("rejects a body altered after signing", async () => {
    const { user, event, balance } = await paidPack();
    const payload = JSON.stringify(event);
    const signature = await signatureFor(payload);
    const altered = payload.replace('"quantity":"3"', '"quantity":"99"');
    expect(altered).not.toBe(payload);
    await expectError(await post(altered, signature), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("checks the raw bytes: the same JSON re-serialised no longer matches", async () => {
    const { user, event, balance } = await paidPack();
    const payload = JSON.stringify(event, null, 2);
    const signature = await signatureFor(payload);
    await expectError(await post(JSON.stringify(event), signature), 400, "invalid_request");
    await expectNothingAppliedThenGenuineApplies(user, event, balance);
  });

  it("does not replay an old signed delivery after the tolerance, even for a new event id", async () => {
    const { user, event, balance } = await paidPack();
    const replayed = { ...event, id: `${event.id}x` };
    await expectError(await deliver(replayed, { timestamp: Math.floor(Date.now() / 1000) - 3600 }), 400, "invalid_request");
    expect((await creditsOf(user)).balance).toBe(balance);
  });
});
