import { describe, expect, it } from "vitest";
import { parseCookies, replaceCookies } from "../../web/app/lib/cookies.server";
import { forwardToApi, isApiPath } from "../../web/app/lib/front-door.server";
import {
  accessTokenExpired,
  clearSessionCookies,
  resolveSession,
  sessionSetCookies,
} from "../../web/app/lib/session.server";
import { apiError, fakeApi, json, tokenExpiringAt } from "./helpers";

const now = Math.floor(Date.now() / 1000);
const fresh = tokenExpiringAt(now + 600);
const expired = tokenExpiringAt(now - 10);
const pair = { user: {}, accessToken: tokenExpiringAt(now + 900), refreshToken: "ort_new", expiresIn: 900 };

function browserRequest(path: string, cookies: Record<string, string>, init: RequestInit = {}): Request {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return new Request(`http://localhost:8787${path}`, { ...init, headers: { Cookie: cookie, ...(init.headers as Record<string, string>) } });
}

describe("session cookies", () => {
  it("keeps the tokens HttpOnly, Secure and SameSite=Lax, and the CSRF token readable", () => {
    const [access, refresh, csrf] = sessionSetCookies(pair, "csrf123");
    expect(access).toBe(`__Host-ol_access=${pair.accessToken}; Path=/; Max-Age=900; Secure; SameSite=Lax; HttpOnly`);
    expect(refresh).toBe("__Host-ol_refresh=ort_new; Path=/; Max-Age=2592000; Secure; SameSite=Lax; HttpOnly");
    expect(csrf).toBe("__Host-ol_csrf=csrf123; Path=/; Max-Age=2592000; Secure; SameSite=Lax");
  });
  it("clears all three", () => {
    expect(clearSessionCookies().every((cookie) => cookie.includes("Max-Age=0"))).toBe(true);
  });
  it("parses and rewrites Cookie headers", () => {
    expect(parseCookies('a=1; b="two"; c=%20x; a=ignored')).toEqual(new Map([["a", "1"], ["b", "two"], ["c", " x"]]));
    expect(replaceCookies("a=1; b=2", { b: "3", c: "4" })).toBe("a=1; b=3; c=4");
  });
  it("reads expiry from the token without trusting anything else in it", () => {
    expect(accessTokenExpired(fresh)).toBe(false);
    expect(accessTokenExpired(expired)).toBe(true);
    expect(accessTokenExpired(tokenExpiringAt(now + 10))).toBe(true); // within the refresh margin
    expect(accessTokenExpired("not-a-jwt")).toBe(true);
    expect(accessTokenExpired("a.%%%.c")).toBe(true);
  });
});

describe("resolving the browser session", () => {
  it("uses a fresh access token as it is, without calling the API", async () => {
    const api = fakeApi({});
    const session = await resolveSession(browserRequest("/jobs", { "__Host-ol_access": fresh, "__Host-ol_refresh": "ort_fresh", "__Host-ol_csrf": "c" }), api);
    expect(session).toEqual({ accessToken: fresh, csrfToken: "c", setCookies: [], refreshed: false });
    expect(api.calls).toHaveLength(0);
  });
  it("refreshes an expired access token server-side, keeping the CSRF token", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, pair) });
    const request = browserRequest("/jobs", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_expired", "__Host-ol_csrf": "c" }, { headers: { "CF-Connecting-IP": "203.0.113.9" } });
    const session = await resolveSession(request, api);
    expect(session.refreshed).toBe(true);
    expect(session.accessToken).toBe(pair.accessToken);
    expect(session.setCookies).toEqual(sessionSetCookies(pair, "c"));
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ refreshToken: "ort_expired" });
    expect(api.calls[0]!.headers.get("CF-Connecting-IP")).toBe("203.0.113.9");
  });
  it("refreshes when the access cookie has already gone (its Max-Age passed)", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, pair) });
    const session = await resolveSession(browserRequest("/jobs", { "__Host-ol_refresh": "ort_gone" }), api);
    expect(session.accessToken).toBe(pair.accessToken);
    expect(session.csrfToken).toMatch(/^[0-9a-f]{48}$/);
  });
  it("ends the session when the API refuses the refresh token (reused or revoked)", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": () => apiError(401, "unauthorized", "already used") });
    const session = await resolveSession(browserRequest("/jobs", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_refused", "__Host-ol_csrf": "c" }), api);
    expect(session).toEqual({ accessToken: null, csrfToken: null, setCookies: clearSessionCookies(), refreshed: false });
  });
  it("keeps the cookies when the API is only temporarily unable to refresh", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": () => apiError(429, "rate_limited", "slow down") });
    const session = await resolveSession(browserRequest("/jobs", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_busy", "__Host-ol_csrf": "c" }), api);
    expect(session).toEqual({ accessToken: null, csrfToken: "c", setCookies: [], refreshed: false });
  });
  it("refreshes once for concurrent requests with the same refresh token, which all get the new pair", async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const api = fakeApi({ "POST /v1/auth/refresh": async () => (await answered, json(200, pair)) });
    const tab = () => resolveSession(browserRequest("/jobs", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_two_tabs", "__Host-ol_csrf": "c" }), api);
    const both = Promise.all([tab(), tab()]);
    answer();
    const [first, second] = await both;
    // A request arriving just after, with the cookie the browser had not replaced yet.
    const late = await tab();
    expect(api.calls).toHaveLength(1);
    for (const session of [first, second, late]) {
      expect(session).toEqual({ accessToken: pair.accessToken, csrfToken: "c", setCookies: sessionSetCookies(pair, "c"), refreshed: true });
    }
  });
  it("shares no refusal or failure: the next request with that token asks the API again", async () => {
    const answers = [apiError(503, "service_unavailable", "down"), json(200, pair)];
    const api = fakeApi({ "POST /v1/auth/refresh": () => answers.shift()! });
    const request = () => browserRequest("/jobs", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_retry", "__Host-ol_csrf": "c" });
    expect((await resolveSession(request(), api)).accessToken).toBeNull();
    expect((await resolveSession(request(), api)).accessToken).toBe(pair.accessToken);
    expect(api.calls).toHaveLength(2);
  });
  it("clears leftovers of a session that has no refresh token", async () => {
    const session = await resolveSession(browserRequest("/", { "__Host-ol_csrf": "c" }), fakeApi({}));
    expect(session.setCookies).toEqual(clearSessionCookies());
    const anonymous = await resolveSession(browserRequest("/", {}), fakeApi({}));
    expect(anonymous.setCookies).toEqual([]);
  });
});

describe("the front door", () => {
  it("sends exactly the API's paths to the API Worker", () => {
    for (const path of ["/v1", "/v1/", "/v1/jobs/job_1/events", "/health", "/openapi.json", "/docs", "/docs/"]) expect(isApiPath(path)).toBe(true);
    for (const path of ["/", "/v10", "/v1jobs", "/jobs", "/healthy", "/docs/x", "/documents", "/openapi.json.bak", "/assets/app.js"]) {
      expect(isApiPath(path)).toBe(false);
    }
  });
  it("forwards a request untouched: method, body, headers", async () => {
    const api = fakeApi({ "POST /v1/uploads": (call) => json(201, { got: call.body, type: call.headers.get("Content-Type") }) });
    const request = new Request("http://localhost:8787/v1/uploads?filename=a.csv", {
      method: "POST",
      body: "a;b\n1;2\n",
      headers: { "Content-Type": "text/csv", Authorization: "Bearer olk_x" },
    });
    const response = await forwardToApi(request, api);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ got: "a;b\n1;2\n", type: "text/csv" });
    expect(api.calls[0]!.path).toBe("/v1/uploads?filename=a.csv");
    expect(api.calls[0]!.headers.get("Authorization")).toBe("Bearer olk_x");
  });
  it("passes WebSocket upgrades straight through", async () => {
    let seen: Request | null = null;
    const upgrade = new Request("http://localhost:8787/v1/jobs/job_1/events?ticket=t", { headers: { Upgrade: "websocket", Cookie: `__Host-ol_refresh=ort_ws` } });
    const response = await forwardToApi(upgrade, {
      fetch: async (request) => {
        seen = request;
        return new Response("switching", { status: 200 });
      },
    });
    expect(seen).toBe(upgrade);
    expect(await response.text()).toBe("switching");
  });
  it("refreshes an expired cookie session before forwarding a browser's API call, and sets the new cookies", async () => {
    const api = fakeApi({
      "POST /v1/auth/refresh": () => json(200, pair),
      "POST /v1/jobs/job_1/ticket": (call) => json(200, { ticket: "t", cookie: call.headers.get("Cookie") }),
    });
    const request = browserRequest("/v1/jobs/job_1/ticket", { "__Host-ol_access": expired, "__Host-ol_refresh": "ort_front", "__Host-ol_csrf": "c", other: "kept" }, { method: "POST", headers: { "X-CSRF-Token": "c" } });
    const response = await forwardToApi(request, api);
    const body = (await response.json()) as { cookie: string };
    expect(parseCookies(body.cookie).get("__Host-ol_access")).toBe(pair.accessToken);
    expect(parseCookies(body.cookie).get("other")).toBe("kept");
    expect(api.calls[1]!.headers.get("X-CSRF-Token")).toBe("c");
    expect(response.headers.getSetCookie()).toEqual(sessionSetCookies(pair, "c"));
  });
  it("does not refresh for bearer-authenticated clients or the auth endpoints themselves", async () => {
    const api = fakeApi({ "GET /v1/me": () => json(200, {}), "POST /v1/auth/logout": () => new Response(null, { status: 204 }) });
    await forwardToApi(browserRequest("/v1/me", { "__Host-ol_refresh": "ort_bearer" }, { headers: { Authorization: "Bearer x" } }), api);
    await forwardToApi(browserRequest("/v1/auth/logout", { "__Host-ol_refresh": "ort_logout" }, { method: "POST" }), api);
    expect(api.calls.map((call) => call.path)).toEqual(["/v1/me", "/v1/auth/logout"]);
  });
});
