import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { expect } from "vitest";
import worker from "../../../worker/index";
import { call, json, type TestUser } from "../../helpers";

/** The Worker's env with its secrets typed (the test bindings of vitest.workers.config.ts). */
export const testEnv = env as unknown as Env;
export const WEBHOOK_SECRET = testEnv.STRIPE_WEBHOOK_SECRET!;
export const PRICES = {
  starter: testEnv.STRIPE_PRICE_STARTER!,
  growth: testEnv.STRIPE_PRICE_GROWTH!,
  pro: testEnv.STRIPE_PRICE_PRO!,
  pack: testEnv.STRIPE_PRICE_PACK!,
};

/** Calls the Worker with a changed configuration (a fresh env object gets a fresh config and catalogue). */
export async function callWithConfig(
  overrides: Record<string, string>,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  const body = init.body === undefined ? init.raw : JSON.stringify(init.body);
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`http://openline.test${path}`, { method, headers, body }), { ...testEnv, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

// ---- The fake Stripe's control endpoints (test/node/fakes/stripe-server.ts) ----

export interface RecordedStripeRequest {
  method: string;
  path: string;
  params: Record<string, any>;
  idempotencyKey: string | null;
  apiKey: string | null;
  status?: number;
  response?: any;
}

async function control(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(`${testEnv.STRIPE_API_BASE}${path}`, init);
  expect(response.status, `fake Stripe control ${path}`).toBe(200);
  return response;
}

/** API requests the fake Stripe received whose path or body contains `contains`, oldest first. */
export async function stripeRequests(contains: string, path?: string): Promise<RecordedStripeRequest[]> {
  const query = new URLSearchParams({ contains, ...(path ? { path } : {}) });
  return (await json<{ data: RecordedStripeRequest[] }>(await control(`/__control/requests?${query}`))).data;
}

export async function putSubscription(subscription: { id: string } & Record<string, unknown>): Promise<void> {
  await control(`/__control/subscriptions/${subscription.id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(subscription),
  });
}

/** An object the fake Stripe answers lookups with (refund and dispute handling reads them back). */
export async function putStripeObject(kind: "charges" | "checkout_sessions" | "invoice_payments", object: { id: string } & Record<string, unknown>): Promise<void> {
  await control(`/__control/${kind}/${object.id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(object),
  });
}

export async function injectStripeFailure(match: string, status = 500, times = 10): Promise<void> {
  await control("/__control/failures", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ match, status, times }),
  });
}

// ---- Through the API ----

export async function checkout(user: TestUser, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call("POST", "/v1/billing/checkout", { token: user.accessToken, body, headers });
}

/** A real checkout through the API; answers the session object the fake Stripe created for it. */
export async function startCheckout(user: TestUser, body: unknown): Promise<{ url: string; session: any; customer: string }> {
  const response = await checkout(user, body);
  expect(response.status).toBe(201);
  const { url } = await json<{ url: string }>(response);
  const created = (await stripeRequests(user.id, "/v1/checkout/sessions")).find((r) => r.response?.url === url);
  expect(created, "the fake Stripe saw the session").toBeDefined();
  return { url, session: created!.response, customer: created!.response.customer };
}

export async function creditsOf(user: TestUser): Promise<{ balance: number; held: number; ledger: { data: any[] } }> {
  const response = await call("GET", "/v1/credits?limit=100", { token: user.accessToken });
  expect(response.status).toBe(200);
  return json(response);
}

export async function subscriptionOf(user: TestUser): Promise<{
  plan: string;
  status: string;
  monthlyCredits: number;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
}> {
  const response = await call("GET", "/v1/billing/subscription", { token: user.accessToken });
  expect(response.status).toBe(200);
  return json(response);
}

// ---- Stripe events, signed with the library's own helper ----

const now = () => Math.floor(Date.now() / 1000);
let sequence = 0;
export const uniqueSuffix = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${crypto.randomUUID().slice(0, 8)}`;

export interface StripeTestEvent {
  id: string;
  object: "event";
  type: string;
  created: number;
  api_version: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Record<string, unknown> };
}

export function stripeEvent(type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}): StripeTestEvent {
  return {
    id: options.id ?? `evt_${uniqueSuffix()}`,
    object: "event",
    type,
    created: options.created ?? now(),
    api_version: Stripe.API_VERSION,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** `Stripe-Signature` for a payload, by stripe-node's test helper (async: workerd's crypto is async-only). */
export function signatureFor(payload: string, options: { secret?: string; timestamp?: number } = {}): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
}

/** Delivers an event to POST /v1/webhooks/stripe the way Stripe does: raw JSON body + signature. */
export async function deliver(event: StripeTestEvent | string, options: { secret?: string; timestamp?: number } = {}): Promise<Response> {
  const payload = typeof event === "string" ? event : JSON.stringify(event, null, 2);
  return call("POST", "/v1/webhooks/stripe", {
    raw: payload,
    headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": await signatureFor(payload, options) },
  });
}

export async function deliverOk(event: StripeTestEvent): Promise<{ outcome: string; detail: string }> {
  const response = await deliver(event);
  expect(response.status, `delivery of ${event.type}`).toBe(200);
  return json(response);
}

// ---- Stripe objects as the API version this library pins sends them ----

export function completedPackSession(session: any, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...session, status: "complete", payment_status: "paid", amount_total: 1000 * Number(session.metadata?.quantity ?? 1), ...overrides };
}

export function subscriptionObject(options: {
  id?: string;
  customer: string;
  price: string;
  status?: string;
  periodEnd?: number;
  cancelAtPeriodEnd?: boolean;
  latestInvoice?: string | null;
}): Record<string, unknown> & { id: string } {
  const id = options.id ?? `sub_${uniqueSuffix()}`;
  const periodEnd = options.periodEnd ?? now() + 30 * 86_400;
  return {
    id,
    object: "subscription",
    customer: options.customer,
    status: options.status ?? "active",
    cancel_at_period_end: options.cancelAtPeriodEnd ?? false,
    latest_invoice: options.latestInvoice ?? null,
    metadata: {},
    items: {
      object: "list",
      data: [
        {
          id: `si_${uniqueSuffix()}`,
          object: "subscription_item",
          price: { id: options.price, object: "price", recurring: { interval: "month" } },
          quantity: 1,
          current_period_start: periodEnd - 30 * 86_400,
          current_period_end: periodEnd,
        },
      ],
    },
  };
}

export function invoiceObject(options: {
  id?: string;
  customer: string;
  subscription: string | null;
  billingReason: string;
  lines: { price: string; amount: number; start?: number }[];
}): Record<string, unknown> & { id: string } {
  const id = options.id ?? `in_${uniqueSuffix()}`;
  return {
    id,
    object: "invoice",
    customer: options.customer,
    billing_reason: options.billingReason,
    status: "paid",
    parent: options.subscription
      ? { type: "subscription_details", quote_details: null, subscription_details: { subscription: options.subscription, metadata: {} } }
      : null,
    lines: {
      object: "list",
      data: options.lines.map((line) => ({
        id: `il_${uniqueSuffix()}`,
        object: "line_item",
        amount: line.amount,
        pricing: { type: "price_details", price_details: { price: line.price, product: "prod_x" }, unit_amount_decimal: String(line.amount) },
        period: { start: line.start ?? now(), end: (line.start ?? now()) + 30 * 86_400 },
      })),
    },
  };
}

/** A user who went through checkout once (so they have a Stripe customer): its id. */
export async function customerFor(user: TestUser): Promise<string> {
  return (await startCheckout(user, { pack: "credits", quantity: 1 })).customer;
}

export function ledgerEntriesWithNote(credits: { ledger: { data: any[] } }, text: string): any[] {
  return credits.ledger.data.filter((entry) => typeof entry.note === "string" && entry.note.includes(text));
}
