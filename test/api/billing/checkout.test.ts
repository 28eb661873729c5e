import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../worker/db/client";
import { users } from "../../../worker/db/schema";
import { call, expectError, json, signup } from "../../helpers";
import { callWithConfig, checkout, injectStripeFailure, PRICES, startCheckout, stripeRequests, testEnv } from "./stripe-helpers";

const APP_URL = testEnv.APP_URL;

async function storedCustomerId(userId: string): Promise<string | null> {
  const [row] = await getDb(testEnv).select({ id: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  return row?.id ?? null;
}

async function apiKeyFor(token: string, scopes: string[]): Promise<string> {
  const response = await call("POST", "/v1/api-keys", { token, body: { name: "billing test", scopes } });
  expect(response.status).toBe(201);
  return (await json(response)).key;
}

describe("POST /v1/billing/checkout — happy", () => {
  it("starts a subscription checkout for a plan with the user's customer, id and return URLs", async () => {
    const user = await signup({ name: "Ann Buyer" });
    const response = await checkout(user, { plan: "growth" });
    expect(response.status).toBe(201);
    const { url } = await json(response);
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

    const [customer] = await stripeRequests(user.id, "/v1/customers");
    expect(customer!.params).toEqual({ email: user.email, name: "Ann Buyer", metadata: { userId: user.id } });
    expect(customer!.apiKey).toBe(testEnv.STRIPE_SECRET_KEY);

    const [session] = await stripeRequests(user.id, "/v1/checkout/sessions");
    expect(session!.params).toEqual({
      mode: "subscription",
      customer: customer!.response.id,
      client_reference_id: user.id,
      line_items: [{ price: PRICES.growth, quantity: "1" }],
      metadata: { userId: user.id, kind: "plan", plan: "growth" },
      subscription_data: { metadata: { userId: user.id, plan: "growth" } },
      success_url: `${APP_URL}/account/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${APP_URL}/account/billing?checkout=cancel`,
    });
    expect(session!.response.url).toBe(url);
    expect(await storedCustomerId(user.id)).toBe(customer!.response.id);
  });

  it("starts a one-time payment for packs with the quantity", async () => {
    const user = await signup();
    const { session } = await startCheckout(user, { pack: "credits", quantity: 7 });
    const [request] = await stripeRequests(user.id, "/v1/checkout/sessions");
    expect(request!.params).toMatchObject({
      mode: "payment",
      client_reference_id: user.id,
      line_items: [{ price: PRICES.pack, quantity: "7" }],
      metadata: { userId: user.id, kind: "pack", pack: "credits", quantity: "7" },
      payment_intent_data: { metadata: { userId: user.id } },
    });
    expect(session.mode).toBe("payment");
  });

  it("creates the Stripe customer once and reuses it across checkouts", async () => {
    const user = await signup();
    const first = await startCheckout(user, { pack: "credits", quantity: 1 });
    const second = await startCheckout(user, { pack: "credits", quantity: 2 });
    const third = await startCheckout(user, { plan: "starter" });
    expect(new Set([first.customer, second.customer, third.customer]).size).toBe(1);
    expect(await stripeRequests(user.id, "/v1/customers")).toHaveLength(1);
  });

  it("replays the first answer for the same Idempotency-Key and opens one session", async () => {
    const user = await signup();
    const headers = { "Idempotency-Key": `checkout-${user.id}` };
    const first = await checkout(user, { pack: "credits", quantity: 3 }, headers);
    const again = await checkout(user, { pack: "credits", quantity: 3 }, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await json(again)).toEqual(await json(first));
    expect(await stripeRequests(user.id, "/v1/checkout/sessions")).toHaveLength(1);
  });
});

describe("POST /v1/billing/checkout — errors", () => {
  it.each([
    ["an unknown plan", { plan: "platinum" }],
    ["the free plan", { plan: "free" }],
    ["quantity 0", { pack: "credits", quantity: 0 }],
    ["quantity 10,000", { pack: "credits", quantity: 10_000 }],
    ["a fractional quantity", { pack: "credits", quantity: 1.5 }],
    ["a quantity as a string", { pack: "credits", quantity: "5" }],
    ["a pack without a quantity", { pack: "credits" }],
    ["an unknown pack", { pack: "mega", quantity: 1 }],
    ["a plan and a pack at once", { plan: "starter", pack: "credits", quantity: 1 }],
    ["a plan with a quantity", { plan: "starter", quantity: 2 }],
    ["an empty body", {}],
    ["an extra field", { plan: "starter", price: "price_cheap" }],
  ])("rejects %s with 400 and calls no Stripe API", async (_label, body) => {
    const user = await signup();
    const error = await expectError(await checkout(user, body), 400, "invalid_request");
    expect(Array.isArray(error.details.issues)).toBe(true);
    expect(await stripeRequests(user.id)).toEqual([]);
  });

  it("answers 409 when the user already has a subscription (plan changes go through the portal)", async () => {
    const user = await signup();
    await getDb(testEnv)
      .update(users)
      .set({ plan: "starter", stripeSubscriptionId: `sub_${crypto.randomUUID()}` })
      .where(eq(users.id, user.id));
    const error = await expectError(await checkout(user, { plan: "pro" }), 409, "conflict");
    expect(error.details).toMatchObject({ plan: "starter" });
    // Packs stay available to subscribers.
    expect((await checkout(user, { pack: "credits", quantity: 1 })).status).toBe(201);
  });

  it("answers 503 when the server has no Stripe key configured, without storing anything", async () => {
    const user = await signup();
    const response = await callWithConfig({ STRIPE_SECRET_KEY: "" }, "POST", "/v1/billing/checkout", {
      token: user.accessToken,
      body: { pack: "credits", quantity: 1 },
    });
    await expectError(response, 503, "service_unavailable");
    expect(await storedCustomerId(user.id)).toBeNull();
    expect(await stripeRequests(user.id)).toEqual([]);
  });

  it("answers 503 when Stripe fails, stores no customer, and works again after", async () => {
    const user = await signup();
    await injectStripeFailure(user.id, 500, 2);
    await expectError(await checkout(user, { pack: "credits", quantity: 1 }), 503, "service_unavailable");
    expect(await storedCustomerId(user.id)).toBeNull();
    expect((await checkout(user, { pack: "credits", quantity: 1 })).status).toBe(201);
    expect(await storedCustomerId(user.id)).toMatch(/^cus_/);
  });
});

describe("POST /v1/billing/checkout — security", () => {
  it("requires authentication", async () => {
    await expectError(await call("POST", "/v1/billing/checkout", { body: { plan: "starter" } }), 401, "unauthorized");
  });

  it("refuses an API key without the billing:write scope, and accepts one with it", async () => {
    const user = await signup();
    const readOnly = await apiKeyFor(user.accessToken, ["credits:read"]);
    const error = await expectError(
      await call("POST", "/v1/billing/checkout", { token: readOnly, body: { pack: "credits", quantity: 1 } }),
      403,
      "forbidden",
    );
    expect(error.details).toMatchObject({ requiredScope: "billing:write" });
    const billing = await apiKeyFor(user.accessToken, ["billing:write"]);
    expect((await call("POST", "/v1/billing/checkout", { token: billing, body: { pack: "credits", quantity: 1 } })).status).toBe(201);
  });

  it("creates exactly one Stripe customer from concurrent first checkouts", async () => {
    const user = await signup();
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => checkout(user, { pack: "credits", quantity: i + 1 })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const sessions = await stripeRequests(user.id, "/v1/checkout/sessions");
    expect(new Set(sessions.map((s) => s.params.customer)).size).toBe(1);
    const creations = await stripeRequests(user.id, "/v1/customers");
    expect(new Set(creations.map((c) => c.response.id))).toEqual(new Set([sessions[0]!.params.customer]));
    expect(await storedCustomerId(user.id)).toBe(sessions[0]!.params.customer);
  });

  it("gives each user their own customer; a client cannot choose the customer or the price", async () => {
    const ann = await signup();
    const bob = await signup();
    const annSession = await startCheckout(ann, { plan: "starter" });
    const bobSession = await startCheckout(bob, { plan: "starter" });
    expect(annSession.customer).not.toBe(bobSession.customer);
    await expectError(await checkout(bob, { plan: "starter", customer: annSession.customer }), 400, "invalid_request");
  });

  it("is rate limited per user", async () => {
    const user = await signup();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await checkout(user, { pack: "credits", quantity: 1 })).status);
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
