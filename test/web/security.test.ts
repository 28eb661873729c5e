import { afterEach, describe, expect, it, vi } from "vitest";
import { crossSiteRefusal, isCrossSiteWrite, pageSecurityHeaders } from "../../web/app/lib/security.server";
import { resolveSession, sessionSetCookies, SHARED_REFRESH_MS } from "../../web/app/lib/session.server";
import * as accountSettings from "../../web/app/routes/account.settings";
import worker from "../../web/workers/app";
import { apiError, contextWith, dataOf, fakeApi, formRequest, json, statusOf, tokenExpiringAt } from "./helpers";

const now = Math.floor(Date.now() / 1000);
const expired = tokenExpiringAt(now - 10);
const pair = { user: {}, accessToken: tokenExpiringAt(now + 900), refreshToken: "ort_rotated", expiresIn: 900 };

function browserRequest(cookies: Record<string, string>): Request {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return new Request("http://localhost:8787/jobs", { headers: { Cookie: cookie } });
}

afterEach(() => vi.useRealTimers());

describe("refresh sharing is bound to the browser and short (audit item 12)", () => {
  it("a copied refresh token with another browser's CSRF cookie, or none, gets no shared pair", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, pair) });
    const owner = await resolveSession(browserRequest({ "__Host-ol_access": expired, "__Host-ol_refresh": "ort_stolen", "__Host-ol_csrf": "owner" }), api);
    expect(owner.accessToken).toBe(pair.accessToken);
    // The thief replays the old refresh token at once: the API sees it (and its reuse detection runs).
    await resolveSession(browserRequest({ "__Host-ol_refresh": "ort_stolen", "__Host-ol_csrf": "thief" }), api);
    await resolveSession(browserRequest({ "__Host-ol_refresh": "ort_stolen" }), api);
    expect(api.calls).toHaveLength(3);
  });

  it("shares a pair for about 2 seconds only, not 30", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, pair) });
    const tab = () => resolveSession(browserRequest({ "__Host-ol_access": expired, "__Host-ol_refresh": "ort_window", "__Host-ol_csrf": "c" }), api);
    await tab();
    vi.setSystemTime(Date.now() + SHARED_REFRESH_MS - 100);
    await tab();
    expect(api.calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + 200);
    await tab();
    expect(api.calls).toHaveLength(2);
    expect(SHARED_REFRESH_MS).toBeLessThanOrEqual(2_000);
  });
});

describe("cross-site writes are refused by the web Worker (audit item 3)", () => {
  const at = (init: RequestInit & { headers?: Record<string, string> }, path = "/login") => new Request(`http://localhost:8787${path}`, init);

  it("refuses a form post or WebSocket upgrade from another origin, login included", () => {
    expect(isCrossSiteWrite(at({ method: "POST", headers: { Origin: "https://evil.example" } }))).toBe(true);
    expect(isCrossSiteWrite(at({ method: "POST", headers: { Origin: "null" } }))).toBe(true);
    expect(isCrossSiteWrite(at({ method: "POST", headers: { "Sec-Fetch-Site": "cross-site", Cookie: "a=b" } }))).toBe(true);
    expect(isCrossSiteWrite(at({ method: "POST", headers: { Cookie: "__Host-ol_access=t" } }, "/account/api-keys"))).toBe(true);
    expect(isCrossSiteWrite(at({ headers: { Upgrade: "websocket", Origin: "https://evil.example" } }, "/v1/jobs/job_1/events"))).toBe(true);
    const refusal = crossSiteRefusal();
    expect(refusal.status).toBe(403);
  });

  it("lets the app's own requests, reads and bearer-token API clients through", () => {
    expect(isCrossSiteWrite(at({ method: "POST", headers: { Origin: "http://localhost:8787" } }))).toBe(false);
    expect(isCrossSiteWrite(at({ method: "POST", headers: { "Sec-Fetch-Site": "same-origin", Cookie: "a=b" } }))).toBe(false);
    expect(isCrossSiteWrite(at({ method: "GET", headers: { Origin: "https://evil.example" } }, "/jobs"))).toBe(false);
    expect(isCrossSiteWrite(at({ method: "POST", headers: { Authorization: "Bearer olk_x", Origin: "https://crm.example" } }, "/v1/jobs"))).toBe(false);
    // Stripe's webhook: no browser headers, no cookies.
    expect(isCrossSiteWrite(at({ method: "POST", headers: { "Stripe-Signature": "t=1" } }, "/v1/webhooks/stripe"))).toBe(false);
    expect(isCrossSiteWrite(at({ headers: { Upgrade: "websocket", Origin: "http://localhost:8787" } }, "/v1/jobs/job_1/events"))).toBe(false);
  });

  it("lets a mail provider's one-click unsubscribe through from any origin, without its cookies, and only that route", async () => {
    const api = fakeApi({ "POST /v1/notifications/unsubscribe": json(200, { kind: "jobFinished", enabled: false }) });
    const env = { API: api } as never;
    const ctx = { waitUntil: () => {} } as never;
    const oneClick = (headers: Record<string, string>, path = "/v1/notifications/unsubscribe?token=tok.jobFinished.sig") =>
      worker.fetch(
        new Request(`http://localhost:8787${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
          body: "List-Unsubscribe=One-Click",
        }),
        env,
        ctx,
      );
    // From the provider's servers (no browser headers), and from a webmail page in the reader's browser.
    const senders: Array<Record<string, string>> = [{}, { Origin: "https://mail.example", "Sec-Fetch-Site": "cross-site", Cookie: "__Host-ol_refresh=ort_1; __Host-ol_access=t" }, { Origin: "null" }];
    for (const headers of senders) {
      const response = await oneClick(headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ kind: "jobFinished", enabled: false });
    }
    expect(api.calls).toHaveLength(3);
    for (const call of api.calls) {
      expect(call.path).toBe("/v1/notifications/unsubscribe?token=tok.jobFinished.sig");
      expect(call.body).toBe("List-Unsubscribe=One-Click");
      expect(call.headers.get("Cookie")).toBeNull();
    }
    // Every other write from another origin is still refused, before it reaches the API.
    const foreign = { Origin: "https://mail.example", Cookie: "__Host-ol_access=t" };
    expect((await oneClick(foreign, "/v1/notifications/unsubscribe/x?token=t")).status).toBe(403);
    expect((await oneClick(foreign, "/account/settings")).status).toBe(403);
    expect((await oneClick(foreign, "/unsubscribe?token=t")).status).toBe(403);
    expect(api.calls).toHaveLength(3);
  });

  it("names the session cookies __Host-, Secure on Path=/ without Domain", () => {
    for (const cookie of sessionSetCookies({ accessToken: "a", refreshToken: "r", expiresIn: 900 }, "c")) {
      expect(cookie).toMatch(/^__Host-ol_(access|refresh|csrf)=/);
      expect(cookie).toContain("; Secure");
      expect(cookie).toContain("; Path=/");
      expect(cookie).not.toMatch(/Domain=/i);
    }
  });
});

describe("page security headers (audit item 11)", () => {
  it("sends a nonce CSP without framing, plus nosniff, Permissions-Policy and HSTS over https", () => {
    const headers = pageSecurityHeaders(new Request("https://app.openline.example/jobs"), "n0nce");
    expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-n0nce'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["Content-Security-Policy"]).toContain("connect-src 'self' wss://app.openline.example");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(headers).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Strict-Transport-Security": expect.stringContaining("max-age=") });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(pageSecurityHeaders(new Request("http://localhost:8787/"), "x")["Strict-Transport-Security"]).toBeUndefined();
  });

});

describe("retention in Settings (audit item 15)", () => {
  it("saves fewer days through the API and shows its refusal", async () => {
    const api = fakeApi({ "PATCH /v1/account/retention": (call) => json(200, { days: JSON.parse(call.body).days, maxDays: 90 }) });
    const saved = await accountSettings.action({ request: formRequest("http://localhost:8787/account/settings", { intent: "retention", days: "30" }), context: contextWith(api), params: {} } as never);
    expect(saved).toEqual({ intent: "retention", ok: true });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ days: 30 });
    const refusing = fakeApi({ "PATCH /v1/account/retention": apiError(400, "invalid_request", "days must be at most 90.") });
    const refused = await accountSettings.action({ request: formRequest("http://localhost:8787/account/settings", { intent: "retention", days: "120" }), context: contextWith(refusing), params: {} } as never);
    expect(statusOf(refused)).toBe(400);
    expect(dataOf(refused)).toMatchObject({ ok: false, error: { message: "days must be at most 90." } });
  });
});
