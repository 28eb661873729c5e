import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../worker/billing/catalogue";
import { SubscriptionObject } from "../../../worker/billing/stripe-objects";
import { phaseOf, snapshotOf } from "../../../worker/billing/subscription-state";
import { getConfig } from "../../../worker/parse-config";
import { PRICES, subscriptionObject, testEnv } from "../../api/billing/stripe-helpers";

const catalogue = buildCatalogue(getConfig(testEnv));

describe("phaseOf", () => {
  it.each([
    ["active", "active"],
    ["trialing", "active"],
    ["past_due", "past_due"],
    ["unpaid", "past_due"],
    ["paused", "past_due"],
    ["canceled", "ended"],
    ["incomplete_expired", "ended"],
    ["incomplete", "pending"],
    ["some_future_status", "pending"],
  ])("maps Stripe's %s to %s", (status, phase) => {
    expect(phaseOf(status)).toBe(phase);
  });
});

describe("snapshotOf", () => {
  it("reads the plan, the period end and the cancel flag from a Stripe subscription", () => {
    const periodEnd = 1_900_000_000;
    const raw = subscriptionObject({ id: "sub_1", customer: "cus_1", price: PRICES.growth, periodEnd, cancelAtPeriodEnd: true });
    const snapshot = snapshotOf(SubscriptionObject.parse(raw), catalogue);
    expect(snapshot).toEqual({
      subscriptionId: "sub_1",
      phase: "active",
      plan: "growth",
      periodEnd: new Date(periodEnd * 1000).toISOString(),
      cancelAtPeriodEnd: true,
    });
  });

  it("has no plan when the price maps to nothing we sell", () => {
    const raw = subscriptionObject({ customer: "cus_1", price: "price_from_another_product" });
    expect(snapshotOf(SubscriptionObject.parse(raw), catalogue).plan).toBeNull();
  });

  it("accepts an expanded customer", () => {
    const raw = { ...subscriptionObject({ customer: "cus_1", price: PRICES.pro }), customer: { id: "cus_1", object: "customer" } };
    expect(SubscriptionObject.parse(raw).customer).toBe("cus_1");
  });
});
