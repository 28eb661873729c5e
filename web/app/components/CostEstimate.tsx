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
  variants = 1,
}: {
  rows: number;
  /** Lines per prospect: each is a credit. */
  variants?: number;
  balance: number;
  catalogue: BillingCatalogue | null;
  maxCredits?: number | null;
  /** Off where a fuller purchase offer is already on screen (the 402 notice). */
  offerPurchase?: boolean;
}) {
  const credits = rows * variants;
  const missing = credits - balance;
  const budget = maxCredits && maxCredits > 0 ? Math.min(maxCredits, credits) : null;
  return (
    <div className={`cost${missing > 0 ? " cost-short" : ""}`} aria-live="polite">
      <p className="cost-sentence" data-testid="cost">
        {costSentence(rows, balance, variants)}
      </p>
      <p className="muted small">
        Credits are held when the run starts; only lines actually written are charged, and the rest goes back when it ends.
        {budget ? ` This run stops after ${formatNumber(budget)} credits.` : ""}
      </p>
      {missing > 0 && !budget ? (
        <>
          <p className="cost-warning">
            You're {formatNumber(missing)} credits short. Buy credits now, or run the first {formatNumber(Math.max(0, Math.floor(balance / variants)))} rows: the run
            pauses when your credits run out and resumes by itself when new ones arrive.
          </p>
          {offerPurchase ? <BuyCredits missing={missing} catalogue={catalogue} /> : null}
        </>
      ) : null}
    </div>
  );
}
