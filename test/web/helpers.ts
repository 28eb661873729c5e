import { RouterContextProvider } from "react-router";
import { cloudflareContext, sessionContext, type ApiBinding, type BrowserSession } from "../../web/app/lib/context.server";
import type { Me } from "../../web/app/lib/types";

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

/** A handler, or a canned Response (answered as a fresh copy each time), or any other value as a 200 JSON body. */
export type FakeRoute = (call: RecordedCall) => Response | Promise<Response>;

/** A stand-in for the `API` service binding: routes by "METHOD /path" and records every call. */
export function fakeApi(routes: Record<string, FakeRoute | Response | object>): ApiBinding & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    async fetch(request: Request) {
      const url = new URL(request.url);
      const call = { method: request.method, path: url.pathname + url.search, headers: request.headers, body: request.body ? await request.text() : "" };
      calls.push(call);
      const route = routes[`${request.method} ${url.pathname + url.search}`] ?? routes[`${request.method} ${url.pathname}`];
      if (route === undefined) return json(404, { error: { code: "not_found", message: `No route for ${request.method} ${url.pathname}.`, details: {} } });
      if (typeof route === "function") return (route as FakeRoute)(call);
      return route instanceof Response ? route.clone() : json(200, route);
    },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

export const apiError = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  json(status, { error: { code, message, details } });

export const ME: Me = {
  id: "usr_1",
  email: "ann@acme.test",
  name: "Ann",
  emailVerified: true,
  plan: "free",
  role: "user",
  createdAt: "2026-11-01T10:00:00.000Z",
  credits: { balance: 500, held: 0 },
};

/** The router context a loader or action sees after the root middleware ran. */
export function contextWith(api: ApiBinding, session: Partial<BrowserSession> = {}): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(cloudflareContext, { env: { API: api }, ctx: { waitUntil: () => undefined } });
  context.set(sessionContext, { accessToken: "access-token", csrfToken: "csrf", user: ME, ...session });
  return context;
}

export function formRequest(url: string, fields: Record<string, string | string[]>): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return new Request(url, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(url).origin } });
}

/** A JWT-shaped token whose payload has the given `exp` (the signature is not checked by the web Worker). */
export function tokenExpiringAt(expSeconds: number): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ sub: "usr_1", exp: expSeconds })}.signature`;
}

/** What a loader or action threw or returned with `data(…, {status})`. */
export function statusOf(value: unknown): number | undefined {
  if (value instanceof Response) return value.status;
  const init = (value as { init?: ResponseInit | null } | null)?.init;
  return init?.status ?? undefined;
}

export function dataOf<T>(value: unknown): T {
  const wrapped = value as { type?: string; data?: T };
  return (wrapped && wrapped.type === "DataWithResponseInit" ? wrapped.data : value) as T;
}

export async function caught(value: unknown): Promise<unknown> {
  try {
    await (typeof value === "function" ? (value as () => unknown)() : value);
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
