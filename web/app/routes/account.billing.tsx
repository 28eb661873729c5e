import { data, redirect, useFetcher, useSearchParams } from "react-router";
import { LocalTime } from "../components/LocalTime";
import type { Route } from "./+types/account.billing";
import { Notice } from "../components/Notice";
import { PricingTable } from "../components/PricingTable";
import { callApi, field, loadOptional, loginRedirect } from "../lib/api.server";
import type { Schemas } from "../lib/openline-client";
import { sessionContext } from "../lib/context.server";
import { formatMoney, formatNumber } from "../lib/format";
import type { ApiErrorBody, BillingCatalogue, Plan, Subscription } from "../lib/types";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "Plan & billing · Openline" }];

export async function loader(args: Route.LoaderArgs) {
  const [catalogue, subscription] = await Promise.all([
    loadOptional(args, (api) => api.GET("/v1/billing/plans")),
    loadOptional(args, (api) => api.GET("/v1/billing/subscription")),
  ]);
  const user = args.context.get(sessionContext).user!;
  return { catalogue, subscription, plan: user.plan, balance: user.credits.balance };
}

export type BillingActionData = { error: ApiErrorBody };

/** Checkout (a plan or packs) and the customer portal: the API answers a Stripe page to send the user to. */
export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  // The form's values go as typed: the API validates them and answers what is wrong.
  let checkout: unknown;
  if (intent === "checkout-plan") checkout = { plan: field(form, "plan") };
  else if (intent === "checkout-pack") checkout = { pack: field(form, "pack") || "credits", quantity: Number(field(form, "quantity") || "1") };
  else if (intent !== "portal") return data<BillingActionData>({ error: { code: "invalid_request", message: "Unknown action.", details: {} } }, { status: 400 });
  const result = await callApi(args, (api) =>
    intent === "portal" ? api.POST("/v1/billing/portal") : api.POST("/v1/billing/checkout", { body: checkout as Schemas["CheckoutRequest"] }),
  );
  if (result.ok) return redirect(result.data.url);
  if (result.status === 401) throw loginRedirect(args.request);
  const error =
    result.status === 503
      ? { ...result.error, message: "Payments are not set up on this server yet. An admin can grant credits in the meantime." }
      : result.error;
  return data<BillingActionData>({ error }, { status: result.status });
}

export default function Billing({ loaderData }: Route.ComponentProps) {
  const { catalogue, subscription, plan, balance } = loaderData;
  const [params] = useSearchParams();
  const checkout = params.get("checkout");
  const portal = useFetcher<BillingActionData>();
  const pack = catalogue?.packs?.[0];
  return (
    <section className="page">
      <h1>Plan &amp; billing</h1>
      {checkout === "success" ? (
        <Notice tone="success" title="Thank you!">
          <p>Your payment went through. Credits arrive within a few seconds, as soon as Stripe confirms it; reload to see them.</p>
        </Notice>
      ) : null}
      {checkout === "cancel" ? <Notice tone="info">Checkout canceled: nothing was charged.</Notice> : null}
      <div className="panel plan-summary">
        <p>
          You're on <strong>{plan[0]!.toUpperCase() + plan.slice(1)}</strong> with <strong>{formatNumber(balance)}</strong> credits available.
          {subscription?.status === "past_due" ? " Your last payment failed: update your card in the billing portal to keep your plan." : ""}
          {subscription?.cancelAtPeriodEnd && subscription.currentPeriodEnd
            ? <> The plan ends on <LocalTime iso={subscription.currentPeriodEnd} />.</>
            : subscription?.currentPeriodEnd
              ? <> Next renewal: <LocalTime iso={subscription.currentPeriodEnd} />.</>
              : ""}
        </p>
        {plan !== "free" ? (
          <portal.Form method="post">
            <input type="hidden" name="intent" value="portal" />
            <button type="submit" className="button secondary" disabled={portal.state !== "idle"}>
              {portal.state !== "idle" ? "Opening…" : "Manage billing (invoices, card, cancel)"}
            </button>
          </portal.Form>
        ) : null}
        {portal.data?.error ? (
          <Notice tone="error" title="The billing portal could not open">
            <p>{portal.data.error.message}</p>
          </Notice>
        ) : null}
      </div>

      <h2>Plans</h2>
      <PricingTable catalogue={catalogue} action={(item) => <PlanButton plan={item} current={plan} />} />

      <h2>Credit packs</h2>
      <PackForm pack={pack ?? null} />
    </section>
  );
}

function PlanButton({ plan, current }: { plan: Plan; current: string }) {
  const fetcher = useFetcher<BillingActionData>();
  if (plan.id === current) return <span className="tag tag-current">Your plan</span>;
  if (plan.id === "free") return null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="checkout-plan" />
      <input type="hidden" name="plan" value={plan.id} />
      <button type="submit" className="button small" disabled={!plan.available || fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Opening checkout…" : current === "free" ? `Choose ${plan.name}` : `Switch to ${plan.name}`}
      </button>
      {!plan.available ? <p className="muted small">Not available on this server yet.</p> : null}
      {fetcher.data?.error ? <p className="field-error">{fetcher.data.error.message}</p> : null}
    </fetcher.Form>
  );
}

function PackForm({ pack }: { pack: BillingCatalogue["packs"][number] | null }) {
  const fetcher = useFetcher<BillingActionData>();
  const credits = pack?.credits ?? 1000;
  return (
    <fetcher.Form method="post" className="panel pack-form">
      <input type="hidden" name="intent" value="checkout-pack" />
      <input type="hidden" name="pack" value={pack?.id ?? "credits"} />
      <p>
        Each pack adds {formatNumber(credits)} credits{pack?.price ? ` for ${formatMoney(pack.price.amount, pack.price.currency)}` : ""}.
      </p>
      <div className="inline-form">
        <label htmlFor="pack-quantity">Number of packs</label>
        <input id="pack-quantity" name="quantity" type="number" inputMode="numeric" min={pack?.minQuantity ?? 1} max={pack?.maxQuantity ?? 100} defaultValue={1} required />
        <button type="submit" className="button" disabled={pack?.available === false || fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Opening checkout…" : "Buy packs"}
        </button>
      </div>
      {pack?.available === false ? <p className="muted small">Buying packs is not set up on this server yet.</p> : null}
      {fetcher.data?.error ? (
        <Notice tone="error" title="Checkout could not start">
          <p>{fetcher.data.error.message}</p>
        </Notice>
      ) : null}
    </fetcher.Form>
  );
}
