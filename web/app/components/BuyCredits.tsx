import { Link, useFetcher } from "react-router";
import { formatMoney, formatNumber } from "../lib/format";
import type { ApiErrorBody, BillingCatalogue } from "../lib/types";
import { Notice } from "./Notice";

/** Inline purchase where credits run short: the packs that cover what is missing, straight to Stripe Checkout. */
export function BuyCredits({ missing, catalogue }: { missing: number; catalogue: BillingCatalogue | null }) {
  const fetcher = useFetcher<{ error?: ApiErrorBody }>();
  const pack = catalogue?.packs?.find((item) => item.available) ?? catalogue?.packs?.[0];
  const perPack = pack?.credits ?? 1000;
  const quantity = Math.min(Math.max(Math.ceil(missing / perPack), pack?.minQuantity ?? 1), pack?.maxQuantity ?? 100);
  const busy = fetcher.state !== "idle";
  return (
    <div className="buy-credits">
      <fetcher.Form method="post" action="/account/billing" className="inline-form">
        <input type="hidden" name="intent" value="checkout-pack" />
        <input type="hidden" name="pack" value={pack?.id ?? "credits"} />
        <input type="hidden" name="quantity" value={quantity} />
        <button type="submit" className="button" disabled={busy || pack?.available === false}>
          {busy
            ? "Opening checkout…"
            : `Buy ${formatNumber(quantity * perPack)} credits${pack?.price ? ` for ${formatMoney(pack.price.amount * quantity, pack.price.currency)}` : ""}`}
        </button>
        <Link to="/account/billing" className="button secondary">
          See plans
        </Link>
      </fetcher.Form>
      {pack?.available === false ? <p className="muted small">Buying credits is not set up on this server yet; an admin can grant credits.</p> : null}
      {fetcher.data?.error ? (
        <Notice tone="error" title="Checkout could not start">
          <p>{fetcher.data.error.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
