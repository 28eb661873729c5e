import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { deliverOk, PRICES, putSubscription, startCheckout, stripeEvent, subscriptionObject, subscriptionOf } from "./stripe-helpers";

describe("GET /v1/billing/subscription — happy", () => {
  it("shows a new account on the free plan", async () => {
    const user = await signup();
    expect(await subscriptionOf(user)).toEqual({ plan: "free", status: "active", monthlyCredits: 0, currentPeriodEnd: null, cancelAtPeriodEnd: false });
  });

  it("shows the plan a paid checkout set, also in GET /v1/me", async () => {
    const user = await signup();
    const { session, customer } = await startCheckout(user, { plan: "growth" });
    const subscription = subscriptionObject({ customer, price: PRICES.growth });
    await putSubscription(subscription);
    await deliverOk(stripeEvent("checkout.session.completed", { ...session, payment_status: "paid", subscription: subscription.id, invoice: "in_x" + subscription.id }));
    expect(await subscriptionOf(user)).toMatchObject({ plan: "growth", status: "active", monthlyCredits: 10_000 });
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).plan).toBe("growth");
  });
});

describe("GET /v1/billing/subscription — errors and security", () => {
  it("requires authentication", async () => {
    await expectError(await call("GET", "/v1/billing/subscription"), 401, "unauthorized");
  });

  it("needs the credits:read scope on an API key", async () => {
    const user = await signup();
    const { key } = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "jobs only", scopes: ["jobs:read"] } }));
    await expectError(await call("GET", "/v1/billing/subscription", { token: key }), 403, "forbidden");
  });

  it("shows each user only their own plan", async () => {
    const buyer = await signup();
    const other = await signup();
    const { session, customer } = await startCheckout(buyer, { plan: "pro" });
    const subscription = subscriptionObject({ customer, price: PRICES.pro });
    await putSubscription(subscription);
    await deliverOk(stripeEvent("checkout.session.completed", { ...session, payment_status: "paid", subscription: subscription.id, invoice: "in_y" + subscription.id }));
    expect((await subscriptionOf(buyer)).plan).toBe("pro");
    expect((await subscriptionOf(other)).plan).toBe("free");
  });
});
