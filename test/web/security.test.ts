import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveSession, SHARED_REFRESH_MS } from "../../web/app/lib/session.server";
import { fakeApi, json, tokenExpiringAt } from "./helpers";

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
    const owner = await resolveSession(browserRequest({ ol_access: expired, ol_refresh: "ort_stolen", ol_csrf: "owner" }), api);
    expect(owner.accessToken).toBe(pair.accessToken);
    // The thief replays the old refresh token at once: the API sees it (and its reuse detection runs).
    await resolveSession(browserRequest({ ol_refresh: "ort_stolen", ol_csrf: "thief" }), api);
    await resolveSession(browserRequest({ ol_refresh: "ort_stolen" }), api);
    expect(api.calls).toHaveLength(3);
  });

  it("shares a pair for about 2 seconds only, not 30", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const api = fakeApi({ "POST /v1/auth/refresh": () => json(200, pair) });
    const tab = () => resolveSession(browserRequest({ ol_access: expired, ol_refresh: "ort_window", ol_csrf: "c" }), api);
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
