import { afterEach, describe, expect, it, vi } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { callWithConfig as callWith, stripeRequests } from "./stripe-helpers";

afterEach(() => vi.restoreAllMocks());

describe("GET /v1/billing/plans — happy", () => {
  it("lists every plan and the credit pack with credits and prices, without auth", async () => {
    const response = await call("GET", "/v1/billing/plans");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    const body = await json(response);
    expect(body.currency).toBe("usd");
    expect(body.plans).toEqual([
      { id: "free", name: "Free", credits: 500, interval: "once", price: { amount: 0, currency: "usd" }, available: true },
      { id: "starter", name: "Starter", credits: 2000, interval: "month", price: { amount: 1900, currency: "usd" }, available: true },
      { id: "growth", name: "Growth", credits: 10000, interval: "month", price: { amount: 7900, currency: "usd" }, available: true },
      { id: "pro", name: "Pro", credits: 25000, interval: "month", price: { amount: 17900, currency: "usd" }, available: true },
    ]);
    expect(body.packs).toEqual([
      {
        id: "credits",
        name: "Credit pack",
        credits: 1000,
        price: { amount: 1000, currency: "usd" },
        available: true,
        minQuantity: 1,
        maxQuantity: 100,
      },
    ]);
  });

  it("takes prices from configuration", async () => {
    const body = await json(await callWith({ STRIPE_PRICE_GROWTH_AMOUNT: "4500", BILLING_CURRENCY: "EUR" }, "GET", "/v1/billing/plans"));
    expect(body.currency).toBe("eur");
    expect(body.plans.find((plan: any) => plan.id === "growth").price).toEqual({ amount: 4500, currency: "eur" });
  });
});

describe("GET /v1/billing/plans — errors", () => {
  it("disables an item whose price id is missing, logs why once, and keeps serving", async () => {
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    const overrides = { STRIPE_PRICE_PRO: "", STRIPE_PRICE_PACK_AMOUNT: "ten dollars" };
    const response = await callWith(overrides, "GET", "/v1/billing/plans");
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.plans.find((plan: any) => plan.id === "pro")).toMatchObject({ available: false, price: { amount: 17900 } });
    expect(body.plans.find((plan: any) => plan.id === "growth")).toMatchObject({ available: true });
    expect(body.packs[0]).toMatchObject({ available: false, price: null });
    const lines = warnings.mock.calls.map((args) => String(args[0]));
    expect(lines.some((line) => line.includes("STRIPE_PRICE_PRO is not set"))).toBe(true);
    expect(lines.some((line) => line.includes("STRIPE_PRICE_PACK_AMOUNT") && line.includes("ten dollars"))).toBe(true);
  });

  it("refuses a checkout for a disabled item with 400, without calling Stripe", async () => {
    const user = await signup();
    const overrides = { STRIPE_PRICE_PRO: "" };
    const error = await expectError(
      await callWith(overrides, "POST", "/v1/billing/checkout", { token: user.accessToken, body: { plan: "pro" } }),
      400,
      "invalid_request",
    );
    expect(error.details).toMatchObject({ item: "pro", available: false });
    expect(await stripeRequests(user.id)).toEqual([]);
  });
});

describe("GET /v1/billing/plans — security", () => {
  it("never exposes Stripe price ids", async () => {
    const text = await (await call("GET", "/v1/billing/plans")).text();
    expect(text).not.toContain("price_");
  });
});
