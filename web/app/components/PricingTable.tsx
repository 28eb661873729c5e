import type { ReactNode } from "react";
import { formatMoney, formatNumber } from "../lib/format";
import type { BillingCatalogue, Plan } from "../lib/types";

/** The contract's plans, shown when GET /v1/billing/plans cannot be read (prices come from configuration). */
export const FALLBACK_PLANS: Plan[] = [
  { id: "free", name: "Free", credits: 500, interval: "once", price: { amount: 0, currency: "usd" }, available: true },
  { id: "starter", name: "Starter", credits: 2_000, interval: "month", price: null, available: false },
  { id: "growth", name: "Growth", credits: 10_000, interval: "month", price: null, available: false },
  { id: "pro", name: "Pro", credits: 25_000, interval: "month", price: null, available: false },
];

export function planPrice(plan: Plan): string {
  if (!plan.price) return "Price on request";
  if (plan.price.amount === 0) return formatMoney(0, plan.price.currency);
  return `${formatMoney(plan.price.amount, plan.price.currency)}${plan.interval === "month" ? " / month" : ""}`;
}

/**
 * Plans side by side with their credits; `action` renders each plan's button (sign up, buy, current).
 * Works from the API's catalogue or, when it is missing, from the contract's fixed credit amounts.
 */
export function PricingTable({ catalogue, action }: { catalogue: BillingCatalogue | null; action: (plan: Plan) => ReactNode }) {
  const plans = catalogue?.plans?.length ? catalogue.plans : FALLBACK_PLANS;
  const pack = catalogue?.packs?.[0];
  return (
    <div className="pricing">
      <ul className="plans">
        {plans.map((plan) => (
          <li key={plan.id} className={`plan plan-${plan.id}`}>
            <h3 className="plan-name">{plan.name}</h3>
            <p className="plan-price">{planPrice(plan)}</p>
            <p className="plan-credits">
              <strong>{formatNumber(plan.credits)}</strong> credits {plan.interval === "month" ? "every month" : "to start"}
            </p>
            <p className="plan-note">= {formatNumber(plan.credits)} personalized lines</p>
            <div className="plan-action">{action(plan)}</div>
          </li>
        ))}
      </ul>
      <p className="pricing-footnote">
        {pack
          ? `Need more? A credit pack adds ${formatNumber(pack.credits)} credits${pack.price ? ` for ${formatMoney(pack.price.amount, pack.price.currency)}` : ""}, any time. `
          : "Need more? A credit pack adds 1,000 credits any time. "}
        One credit per generated line; failed or skipped rows cost nothing.
        {catalogue ? null : " Prices appear here once billing is configured."}
      </p>
    </div>
  );
}
