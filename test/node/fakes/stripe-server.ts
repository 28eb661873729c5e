import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { sendJson, startServer, type FakeServer } from "./http";

/**
 * Stripe's API, faked over HTTP for the billing tests: what the `stripe` library calls (customers:
 * create/retrieve/delete; Checkout and billing-portal sessions; subscription retrieval), with Stripe's
 * form encoding, error shape and Idempotency-Key replay. Every API request is recorded.
 *
 * Control endpoints (tests call them from inside workerd at env.STRIPE_API_BASE):
 * - GET  /__control/requests?contains=<text>&path=<path>  recorded requests whose path or body contains
 *   the text (a user id, a customer id), oldest first:
 *   `{data: [{method, path, params, idempotencyKey, apiKey, status, response}]}`
 * - PUT  /__control/subscriptions/<id>  (JSON subscription object) what GET /v1/subscriptions/<id> answers
 * - POST /__control/failures  `{match, status, times}`: the next `times` API requests whose body or path
 *   contains `match` answer `status` with a Stripe api_error
 * - PUT  /__control/{charges|checkout_sessions|invoice_payments}/<id>  (JSON object) what refund and
 *   dispute handling reads back: GET /v1/charges/<id>, GET /v1/checkout/sessions?payment_intent=<pi>,
 *   GET /v1/invoice_payments?payment[payment_intent]=<pi>
 */
export function startFakeStripe(): Promise<FakeServer> {
  const state = new FakeStripeState();
  return startServer((req, body, res) => state.handle(req, body, res));
}

interface RecordedRequest {
  method: string;
  path: string;
  rawBody: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  apiKey: string | null;
  status?: number;
  response?: unknown;
}

interface Failure {
  match: string;
  status: number;
  times: number;
}

const MAX_RECORDED = 20_000;
type StoredKind = "charges" | "checkout_sessions" | "invoice_payments";

class FakeStripeState {
  private readonly requests: RecordedRequest[] = [];
  private readonly customers = new Map<string, Record<string, unknown>>();
  private readonly subscriptions = new Map<string, unknown>();
  /** Objects a test put in place for lookups (charges, paid checkout sessions, invoice payments). */
  private readonly stored: Record<StoredKind, Map<string, Record<string, any>>> = {
    charges: new Map(),
    checkout_sessions: new Map(),
    invoice_payments: new Map(),
  };
  /** Idempotency-Key → the first answer, as Stripe replays it. */
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private failures: Failure[] = [];

  handle(req: IncomingMessage, body: string, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/__control/")) return this.control(req.method ?? "GET", url, body, res);
    return this.api(req, url, body, res);
  }

  private control(method: string, url: URL, body: string, res: ServerResponse) {
    if (method === "GET" && url.pathname === "/__control/requests") {
      const contains = url.searchParams.get("contains");
      const path = url.searchParams.get("path");
      const data = this.requests
        .filter((r) => (!contains || r.path.includes(contains) || r.rawBody.includes(contains)) && (!path || r.path === path))
        .map(({ rawBody: _raw, ...rest }) => rest);
      return sendJson(res, 200, { data });
    }
    const subscription = /^\/__control\/subscriptions\/([^/]+)$/.exec(url.pathname);
    if (method === "PUT" && subscription) {
      this.subscriptions.set(decodeURIComponent(subscription[1]!), JSON.parse(body));
      return sendJson(res, 200, { ok: true });
    }
    const stored = /^\/__control\/(charges|checkout_sessions|invoice_payments)\/([^/]+)$/.exec(url.pathname);
    if (method === "PUT" && stored) {
      this.stored[stored[1] as StoredKind].set(decodeURIComponent(stored[2]!), JSON.parse(body));
      return sendJson(res, 200, { ok: true });
    }
    if (method === "POST" && url.pathname === "/__control/failures") {
      const failure = JSON.parse(body) as Failure;
      this.failures.push({ match: failure.match, status: failure.status ?? 500, times: failure.times ?? 1 });
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: "no such control endpoint" });
  }

  private api(req: IncomingMessage, url: URL, body: string, res: ServerResponse) {
    const method = req.method ?? "GET";
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
    const idempotencyKey = headerValue(req.headers["idempotency-key"]);
    const params = parseStripeForm(method === "GET" ? url.search.slice(1) : body);
    const recorded: RecordedRequest = { method, path: url.pathname, rawBody: body, params, idempotencyKey, apiKey: auth?.[1] ?? null };
    this.requests.push(recorded);
    if (this.requests.length > MAX_RECORDED) this.requests.splice(0, this.requests.length - MAX_RECORDED);

    if (!auth || !auth[1]!.startsWith("sk_")) {
      return sendJson(res, 401, stripeError("invalid_request_error", "You did not provide a valid API key."));
    }
    const failure = this.failures.find((f) => f.times > 0 && (body.includes(f.match) || url.pathname.includes(f.match)));
    if (failure) {
      failure.times -= 1;
      this.failures = this.failures.filter((f) => f.times > 0);
      return sendJson(res, failure.status, stripeError("api_error", "Injected failure from the fake Stripe."));
    }
    if (method === "POST" && idempotencyKey) {
      const replay = this.idempotent.get(idempotencyKey);
      if (replay) {
        Object.assign(recorded, { status: replay.status, response: replay.body });
        return sendJson(res, replay.status, replay.body, { "Idempotent-Replayed": "true" });
      }
    }

    const [status, answer] = this.route(method, url.pathname, params);
    recorded.status = status;
    recorded.response = answer;
    if (method === "POST" && idempotencyKey && status < 500) this.idempotent.set(idempotencyKey, { status, body: answer });
    return sendJson(res, status, answer);
  }

  private route(method: string, path: string, params: Record<string, any>): [number, unknown] {
    const now = Math.floor(Date.now() / 1000);
    if (method === "POST" && path === "/v1/customers") {
      const customer = {
        id: `cus_${randomId()}`,
        object: "customer",
        created: now,
        email: params.email ?? null,
        name: params.name ?? null,
        metadata: params.metadata ?? {},
        livemode: false,
      };
      this.customers.set(customer.id, customer);
      return [200, customer];
    }
    const customer = /^\/v1\/customers\/([^/]+)$/.exec(path);
    if (method === "GET" && customer) {
      const found = this.customers.get(customer[1]!);
      return found ? [200, found] : missing("customer", customer[1]!);
    }
    if (method === "DELETE" && customer) {
      if (!this.customers.delete(customer[1]!)) return missing("customer", customer[1]!);
      return [200, { id: customer[1], object: "customer", deleted: true }];
    }
    if (method === "POST" && path === "/v1/checkout/sessions") return this.createCheckoutSession(params, now);
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      if (!params.customer || !this.customers.has(params.customer)) return missing("customer", params.customer);
      const id = `bps_${randomId()}`;
      return [
        200,
        {
          id,
          object: "billing_portal.session",
          created: now,
          customer: params.customer,
          return_url: params.return_url ?? null,
          url: `https://billing.stripe.test/p/session/${id}`,
          livemode: false,
        },
      ];
    }
    const subscription = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (method === "GET" && subscription) {
      const found = this.subscriptions.get(subscription[1]!);
      return found ? [200, found] : missing("subscription", subscription[1]!);
    }
    return this.lookup(method, path, params) ?? [404, stripeError("invalid_request_error", `Unrecognized request URL (${method}: ${path}) in the fake Stripe.`)];
  }

  /** Reads of what tests stored: a charge by id, and lists filtered by payment intent. */
  private lookup(method: string, path: string, params: Record<string, any>): [number, unknown] | null {
    if (method !== "GET") return null;
    const charge = /^\/v1\/charges\/([^/]+)$/.exec(path);
    if (charge) {
      const found = this.stored.charges.get(charge[1]!);
      return found ? [200, found] : missing("charge", charge[1]!);
    }
    const list = (kind: StoredKind, matches: (item: Record<string, any>) => boolean): [number, unknown] => {
      const data = [...this.stored[kind].values()].filter(matches);
      return [200, { object: "list", data, has_more: false, url: path }];
    };
    if (path === "/v1/checkout/sessions") return list("checkout_sessions", (item) => item.payment_intent === params.payment_intent);
    if (path === "/v1/invoice_payments") {
      return list("invoice_payments", (item) => item.payment?.payment_intent === params.payment?.payment_intent);
    }
    return null;
  }

  private createCheckoutSession(params: Record<string, any>, now: number): [number, unknown] {
    const mode = params.mode;
    if (mode !== "payment" && mode !== "subscription") return invalid("mode", "Invalid mode: must be payment or subscription.");
    if (!params.success_url) return invalid("success_url", "Missing required param: success_url.");
    if (!params.customer || !this.customers.has(params.customer)) return missing("customer", params.customer);
    const lineItems = Array.isArray(params.line_items) ? params.line_items : [];
    if (lineItems.length === 0) return invalid("line_items", "Missing required param: line_items.");
    for (const [index, item] of lineItems.entries()) {
      if (!/^price_/.test(item?.price ?? "")) return missing("price", item?.price ?? `line_items[${index}][price]`);
      const quantity = Number(item.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) return invalid(`line_items[${index}][quantity]`, "Invalid quantity.");
    }
    const id = `cs_test_${randomId()}`;
    return [
      200,
      {
        id,
        object: "checkout.session",
        created: now,
        mode,
        customer: params.customer,
        client_reference_id: params.client_reference_id ?? null,
        metadata: params.metadata ?? {},
        success_url: params.success_url,
        cancel_url: params.cancel_url ?? null,
        status: "open",
        payment_status: "unpaid",
        subscription: null,
        invoice: null,
        url: `https://checkout.stripe.test/c/pay/${id}`,
        livemode: false,
      },
    ];
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function randomId(): string {
  return randomBytes(12).toString("hex");
}

function stripeError(type: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { type, message, ...extra } };
}

function missing(what: string, id: string): [number, unknown] {
  return [404, stripeError("invalid_request_error", `No such ${what}: '${id}'`, { code: "resource_missing", param: what })];
}

function invalid(param: string, message: string): [number, unknown] {
  return [400, stripeError("invalid_request_error", message, { param })];
}

/**
 * Stripe's form encoding: `a[b][0][c]=x` → `{a: {b: [{c: "x"}]}}` (numeric segments make arrays).
 */
export function parseStripeForm(encoded: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const segments = key.split("[").map((segment) => segment.replace(/]$/, ""));
    let node: any = root;
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (last) {
        node[segment] = value;
        return;
      }
      if (node[segment] === undefined) node[segment] = /^\d+$/.test(segments[index + 1]!) ? [] : {};
      node = node[segment];
    });
  }
  return root;
}
