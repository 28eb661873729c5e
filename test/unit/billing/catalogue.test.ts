import { afterEach, describe, expect, it, vi } from "vitest";
import { buildCatalogue, checkCatalogueAtStartup, getCatalogue, PACK_MAX_QUANTITY, planForPrice } from "../../../worker/billing/catalogue";
import { getConfig } from "../../../worker/parse-config";
import { testEnv } from "../../api/billing/stripe-helpers";

const configWith = (overrides: Record<string, string>) => getConfig({ ...testEnv, ...overrides } as Env);
const available = (catalogue: ReturnType<typeof buildCatalogue>) =>
  Object.fromEntries([...catalogue.plans, ...catalogue.packs].map((item) => [item.id, item.available]));

afterEach(() => vi.restoreAllMocks());

describe("buildCatalogue", () => {
  it("sells every item when each has a price id and an amount", () => {
    const catalogue = buildCatalogue(configWith({}));
    expect(catalogue.problems).toEqual([]);
    expect(available(catalogue)).toEqual({ free: true, starter: true, growth: true, pro: true, credits: true });
    expect(catalogue.plans.map((plan) => [plan.id, plan.credits])).toEqual([
      ["free", 500],
      ["starter", 2000],
      ["growth", 10000],
      ["pro", 25000],
    ]);
    expect(catalogue.packs[0]).toMatchObject({ credits: 1000, minQuantity: 1, maxQuantity: PACK_MAX_QUANTITY, priceId: testEnv.STRIPE_PRICE_PACK });
  });

  it.each([
    ["an empty price id", { STRIPE_PRICE_GROWTH: "" }, "growth", /STRIPE_PRICE_GROWTH is not set/],
    ["a price id that is not one", { STRIPE_PRICE_GROWTH: "prod_123" }, "growth", /"prod_123", which is not a Stripe price id/],
    ["a missing amount", { STRIPE_PRICE_PACK_AMOUNT: "" }, "credits", /STRIPE_PRICE_PACK_AMOUNT is not set/],
    ["a negative amount", { STRIPE_PRICE_STARTER_AMOUNT: "-5" }, "starter", /"-5" is not an amount/],
    ["a decimal amount", { STRIPE_PRICE_PRO_AMOUNT: "19.99" }, "pro", /"19.99" is not an amount/],
  ])("disables only the item with %s and says why", (_label, overrides, id, problem) => {
    const catalogue = buildCatalogue(configWith(overrides));
    const flags = available(catalogue);
    expect(flags[id]).toBe(false);
    expect(Object.values(flags).filter((flag) => !flag)).toHaveLength(1);
    expect(catalogue.problems.some((line) => problem.test(line))).toBe(true);
  });

  it("maps every listed price id to its plan and checks out with the first", () => {
    const catalogue = buildCatalogue(configWith({ STRIPE_PRICE_STARTER: "price_starter_2027, price_starter_2025" }));
    const starter = catalogue.plans.find((plan) => plan.id === "starter")!;
    expect(starter.priceId).toBe("price_starter_2027");
    expect(planForPrice(catalogue, "price_starter_2025")).toBe("starter");
    expect(planForPrice(catalogue, "price_starter_2027")).toBe("starter");
  });

  it("maps prices that are not a plan to nothing", () => {
    const catalogue = buildCatalogue(configWith({}));
    expect(planForPrice(catalogue, testEnv.STRIPE_PRICE_GROWTH)).toBe("growth");
    expect(planForPrice(catalogue, testEnv.STRIPE_PRICE_PACK)).toBeNull();
    expect(planForPrice(catalogue, "price_unknown")).toBeNull();
    expect(planForPrice(catalogue, null)).toBeNull();
    expect(planForPrice(catalogue, "")).toBeNull();
  });

  it("falls back to usd for a malformed currency, and says so", () => {
    const catalogue = buildCatalogue(configWith({ BILLING_CURRENCY: "dollars" }));
    expect(catalogue.currency).toBe("usd");
    expect(catalogue.problems.some((line) => line.includes("BILLING_CURRENCY"))).toBe(true);
  });

  it("does not throw when nothing billing-related is configured", () => {
    const bare = Object.fromEntries(Object.entries(testEnv).filter(([key]) => !/^(STRIPE_|BILLING_)/.test(key)));
    const catalogue = buildCatalogue(getConfig(bare as Env));
    expect(available(catalogue)).toEqual({ free: true, starter: false, growth: false, pro: false, credits: false });
  });
});

describe("getCatalogue", () => {
  it("logs each problem once per env, at the first use", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const env = { ...testEnv, STRIPE_PRICE_PRO: "", LOG_LEVEL: "info" } as Env;
    const first = getCatalogue(getConfig(env));
    const second = getCatalogue(getConfig(env));
    expect(second).toBe(first);
    const lines = warn.mock.calls.map((args) => JSON.parse(String(args[0])));
    expect(lines).toEqual([expect.objectContaining({ level: "warn", msg: "billing catalogue: item disabled", problem: expect.stringContaining("STRIPE_PRICE_PRO") })]);
  });
});

describe("checkCatalogueAtStartup", () => {
  it("logs what cannot be bought", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    checkCatalogueAtStartup(() => getConfig({ ...testEnv, STRIPE_PRICE_STARTER_AMOUNT: "" } as unknown as Env));
    expect(warn.mock.calls.some((args) => String(args[0]).includes("STRIPE_PRICE_STARTER_AMOUNT is not set"))).toBe(true);
  });

  it("never throws, even when the rest of the configuration is invalid", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => checkCatalogueAtStartup(() => getConfig({ ...testEnv, JWT_SECRET: "short" } as Env))).not.toThrow();
    expect(error.mock.calls.some((args) => String(args[0]).includes("could not be built at start-up"))).toBe(true);
  });
});
