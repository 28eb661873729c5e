import { SIGNUP_CREDITS } from "../accounts";
import type { Config } from "../config";
import { createLogger, type Logger } from "../lib/logger";

/**
 * What can be bought, built from configuration: each paid item needs a Stripe price id (which Stripe
 * charges) and a display amount (which GET /v1/billing/plans shows). Stripe prices are immutable, so a
 * price id and its amount are configured together and change together (ADR 030). An item missing
 * either is listed as unavailable and logged once per isolate; it never stops the Worker.
 */
export const PLAN_IDS = ["free", "starter", "growth", "pro"] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const PAID_PLAN_IDS = ["starter", "growth", "pro"] as const;
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];

/** Monthly credits of each plan (`free`: once, at signup). */
export const PLAN_CREDITS: Record<PlanId, number> = { free: SIGNUP_CREDITS, starter: 2_000, growth: 10_000, pro: 25_000 };

export const PACK_IDS = ["credits"] as const;
export type PackId = (typeof PACK_IDS)[number];
export const PACK_CREDITS = 1_000;
export const PACK_MAX_QUANTITY = 100;

export interface Price {
  /** Minor units (cents), like Stripe's `unit_amount`. */
  amount: number;
  currency: string;
}

export interface PlanItem {
  id: PlanId;
  name: string;
  credits: number;
  interval: "month" | "once";
  price: Price | null;
  /** The price new checkouts use. */
  priceId: string | null;
  /** Every price that stands for this item (the first is `priceId`; older ones keep existing subscribers mapped). */
  priceIds: string[];
  available: boolean;
}

export interface PackItem {
  id: PackId;
  name: string;
  credits: number;
  price: Price | null;
  priceId: string | null;
  priceIds: string[];
  available: boolean;
  minQuantity: number;
  maxQuantity: number;
}

export interface Catalogue {
  currency: string;
  plans: PlanItem[];
  packs: PackItem[];
  /** Why items are unavailable, one line each (logged at start-up). */
  problems: string[];
}

const PLAN_NAMES: Record<PlanId, string> = { free: "Free", starter: "Starter", growth: "Growth", pro: "Pro" };

const PAID_CONFIG: Record<PaidPlanId | PackId, { priceId: keyof Config; amount: keyof Config }> = {
  starter: { priceId: "STRIPE_PRICE_STARTER", amount: "STRIPE_PRICE_STARTER_AMOUNT" },
  growth: { priceId: "STRIPE_PRICE_GROWTH", amount: "STRIPE_PRICE_GROWTH_AMOUNT" },
  pro: { priceId: "STRIPE_PRICE_PRO", amount: "STRIPE_PRICE_PRO_AMOUNT" },
  credits: { priceId: "STRIPE_PRICE_PACK", amount: "STRIPE_PRICE_PACK_AMOUNT" },
};

export function buildCatalogue(config: Config): Catalogue {
  const problems: string[] = [];
  let currency = (config.BILLING_CURRENCY ?? "usd").trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) {
    problems.push(`BILLING_CURRENCY "${config.BILLING_CURRENCY}" is not a 3-letter currency code; using usd.`);
    currency = "usd";
  }

  const paid = (id: PaidPlanId | PackId) => {
    const keys = PAID_CONFIG[id];
    // "price_new,price_old": new checkouts use the first; all of them map back to the item.
    const listed = (stringOf(config[keys.priceId]) ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    const priceIds = listed.filter((priceId) => STRIPE_PRICE_ID.test(priceId));
    for (const bad of listed.filter((priceId) => !STRIPE_PRICE_ID.test(priceId))) {
      problems.push(`${keys.priceId} holds "${bad}", which is not a Stripe price id; it is ignored.`);
    }
    if (priceIds.length === 0) problems.push(`${keys.priceId} is not set: "${id}" cannot be bought.`);
    const rawAmount = stringOf(config[keys.amount]);
    const amount = rawAmount !== null && /^\d{1,9}$/.test(rawAmount) ? Number(rawAmount) : null;
    if (amount === null) {
      problems.push(`${keys.amount} ${rawAmount === null ? "is not set" : `"${rawAmount}" is not an amount in minor units`}: "${id}" cannot be bought.`);
    }
    return {
      priceId: priceIds[0] ?? null,
      priceIds,
      price: amount === null ? null : { amount, currency },
      available: priceIds.length > 0 && amount !== null,
    };
  };

  const plans: PlanItem[] = PLAN_IDS.map((id) =>
    id === "free"
      ? { id, name: PLAN_NAMES[id], credits: PLAN_CREDITS[id], interval: "once", price: { amount: 0, currency }, priceId: null, priceIds: [], available: true }
      : { id, name: PLAN_NAMES[id], credits: PLAN_CREDITS[id], interval: "month", ...paid(id) },
  );
  const packs: PackItem[] = [
    { id: "credits", name: "Credit pack", credits: PACK_CREDITS, minQuantity: 1, maxQuantity: PACK_MAX_QUANTITY, ...paid("credits") },
  ];
  return { currency, plans, packs, problems };
}

const STRIPE_PRICE_ID = /^price_[A-Za-z0-9_]{1,200}$/;

function stringOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

const cache = new WeakMap<object, Catalogue>();
const loggedProblems = new Set<string>();

/** The catalogue of this configuration, built once per isolate; each problem is logged once. */
export function getCatalogue(config: Config, log?: Logger): Catalogue {
  let catalogue = cache.get(config);
  if (!catalogue) {
    catalogue = buildCatalogue(config);
    cache.set(config, catalogue);
    const logger = log ?? createLogger({}, config.LOG_LEVEL);
    for (const problem of catalogue.problems.filter((line) => !loggedProblems.has(line))) {
      loggedProblems.add(problem);
      logger.warn("billing catalogue: item disabled", { problem });
    }
  }
  return catalogue;
}

/**
 * Builds the catalogue when the Worker starts (module load, worker/index.ts), so what is unavailable
 * is in the log before anyone asks. Never throws: an invalid configuration is reported by the first
 * request that needs it.
 */
export function checkCatalogueAtStartup(readConfig: () => Config): void {
  try {
    getCatalogue(readConfig());
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "billing catalogue could not be built at start-up", error: String(error) }));
  }
}

/** The paid plan a Stripe price id stands for, or null when it maps to nothing we sell. */
export function planForPrice(catalogue: Catalogue, priceId: string | null | undefined): PaidPlanId | null {
  if (!priceId) return null;
  const plan = catalogue.plans.find((item) => item.priceIds.includes(priceId));
  return plan && plan.id !== "free" ? plan.id : null;
}

export function planItem(catalogue: Catalogue, id: PlanId): PlanItem {
  return catalogue.plans.find((item) => item.id === id)!;
}

export function packItem(catalogue: Catalogue, id: PackId): PackItem {
  return catalogue.packs.find((item) => item.id === id)!;
}
