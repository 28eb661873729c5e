import { costSentence, formatNumber } from "../lib/format";
import type { BillingCatalogue } from "../lib/types";
import { BuyCredits } from "./BuyCredits";

/** "9,812 rows → 9,812 credits; you have 12,500", and what to do when that is not enough. */
export function CostEstimate({
  rows,
  balance,
  catalogue,
  maxCredits,
  offerPurchase = true,
}: {
  rows: number;
  balance: number;
  catalogue: BillingCatalogue | null;
  maxCredits?: number | null;
  /** Off where a fuller purchase offer is already on screen (the 402 notice). */
  offerPurchase?: boolean;
}) {
  const missing = rows - balance;
  const budget = maxCredits && maxCredits > 0 ? Math.min(maxCredits, rows) : null;
  return (
    <div className={`cost${missing > 0 ? " cost-short" : ""}`} aria-live="polite">
      <p className="cost-sentence" data-testid="cost">
        {costSentence(rows, balance)}
      </p>
      <p className="muted small">
        Credits are held when the run starts; only lines actually written are charged, and the rest goes back when it ends.
        {budget ? ` This run stops after ${formatNumber(budget)} credits.` : ""}
      </p>
      {missing > 0 && !budget ? (
        <>
          <p className="cost-warning">
            You're {formatNumber(missing)} credits short. Buy credits now, or run the first {formatNumber(Math.max(0, balance))} rows: the run
            pauses when your credits run out and resumes by itself when new ones arrive.
          </p>
          {offerPurchase ? <BuyCredits missing={missing} catalogue={catalogue} /> : null}
        </>
      ) : null}
    </div>
  );
}
