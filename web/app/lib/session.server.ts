import { parseCookies, serializeCookie } from "./cookies.server";
import type { ApiBinding } from "./context.server";
import type { Session } from "./types";

/**
 * Cookie names shared with the API Worker (worker/middleware/auth.ts reads them). `__Host-`: the
 * browser takes them only Secure, on Path=/ and without Domain, so no subdomain or plain-http page can
 * plant or overwrite them (ADR 068; browsers treat http://localhost as secure, so npm start works).
 */
export const ACCESS_COOKIE = "__Host-ol_access";
export const REFRESH_COOKIE = "__Host-ol_refresh";
export const CSRF_COOKIE = "__Host-ol_csrf";

const REFRESH_COOKIE_SECONDS = 30 * 24 * 60 * 60;
/** Refresh a little before the access token's `exp`, so a request never reaches the API with a dying token. */
const EXPIRY_SKEW_SECONDS = 30;

export interface SessionCookies {
  accessToken: string | null;
  refreshToken: string | null;
  csrfToken: string | null;
}

export function readSessionCookies(request: Request): SessionCookies {
  const cookies = parseCookies(request.headers.get("Cookie"));
  return {
    accessToken: cookies.get(ACCESS_COOKIE) || null,
    refreshToken: cookies.get(REFRESH_COOKIE) || null,
    csrfToken: cookies.get(CSRF_COOKIE) || null,
  };
}

export function newCsrfToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The three session cookies: the tokens are HttpOnly (scripts never see them); the CSRF token is
 * readable so the browser can echo it in X-CSRF-Token on its direct API writes (double submit).
 */
export function sessionSetCookies(session: Pick<Session, "accessToken" | "refreshToken" | "expiresIn">, csrfToken: string): string[] {
  return [
    serializeCookie(ACCESS_COOKIE, session.accessToken, { maxAgeSeconds: session.expiresIn, httpOnly: true }),
    serializeCookie(REFRESH_COOKIE, session.refreshToken, { maxAgeSeconds: REFRESH_COOKIE_SECONDS, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, csrfToken, { maxAgeSeconds: REFRESH_COOKIE_SECONDS, httpOnly: false }),
  ];
}

export function clearSessionCookies(): string[] {
  return [
    serializeCookie(ACCESS_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true }),
    serializeCookie(REFRESH_COOKIE, "", { maxAgeSeconds: 0, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, "", { maxAgeSeconds: 0, httpOnly: false }),
  ];
}

/**
 * Whether an access token is (about to be) expired, read from its `exp` claim without verifying it:
 * the API verifies every token; this only decides when to refresh.
 */
export function accessTokenExpired(token: string, nowMs = Date.now()): boolean {
  const payload = token.split(".")[1];
  if (!payload) return true;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof json.exp !== "number" || json.exp - EXPIRY_SKEW_SECONDS <= nowMs / 1000;
  } catch {
    return true;
  }
}

export interface ResolvedSession {
  accessToken: string | null;
  csrfToken: string | null;
  /** Set-Cookie headers the response must carry (a refreshed pair, or cleared cookies). */
  setCookies: string[];
  refreshed: boolean;
}

/** Headers that let the API see the real client (rate limits per IP, request ids). */
export function forwardedHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["CF-Connecting-IP", "X-Forwarded-For", "X-Request-Id", "User-Agent"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

/**
 * The session of a request, refreshed server-side when the access token is missing or expired but a
 * refresh token is there. A refresh token the API refuses (401) ends the session: the cookies are
 * cleared. Any other failure (API down, rate limited) leaves the cookies alone for the next request.
 */
export async function resolveSession(request: Request, api: ApiBinding): Promise<ResolvedSession> {
  const cookies = readSessionCookies(request);
  if (cookies.accessToken && !accessTokenExpired(cookies.accessToken)) {
    return { accessToken: cookies.accessToken, csrfToken: cookies.csrfToken, setCookies: [], refreshed: false };
  }
  if (!cookies.refreshToken) {
    const stale = cookies.accessToken !== null || cookies.csrfToken !== null;
    return { accessToken: null, csrfToken: null, setCookies: stale ? clearSessionCookies() : [], refreshed: false };
  }
  const outcome = await refreshShared(cookies.refreshToken, cookies.csrfToken, request, api);
  if (outcome.kind === "refused") return { accessToken: null, csrfToken: null, setCookies: clearSessionCookies(), refreshed: false };
  if (outcome.kind === "unavailable") return { accessToken: null, csrfToken: cookies.csrfToken, setCookies: [], refreshed: false };
  const csrfToken = cookies.csrfToken ?? newCsrfToken();
  return { accessToken: outcome.session.accessToken, csrfToken, setCookies: sessionSetCookies(outcome.session, csrfToken), refreshed: true };
}

type RefreshOutcome = { kind: "session"; session: Session } | { kind: "refused" } | { kind: "unavailable" };

/**
 * How long a refresh is shared with requests bringing the same refresh token, from its start: only
 * long enough for the requests one page load fires at once (ADR 068; it was 30 s, which handed a
 * just-rotated pair to anyone replaying the old token in that time, past reuse detection).
 */
export const SHARED_REFRESH_MS = 2_000;
/** How long a request waits for another request's refresh (which may be cancelled and never settle). */
const SHARED_REFRESH_WAIT_MS = 10_000;

/**
 * Refreshes in flight or done in the last SHARED_REFRESH_MS, by the refresh token they spend and the
 * browser's CSRF cookie. Two requests of one browser (two tabs, or a poll and a click) that find the
 * access token expired carry the same refresh token: the API rotates it for the first and, by the
 * contract, takes the second for a stolen token reused and revokes the family, signing the browser
 * out. In this isolate the second request gets the first one's new pair instead, but only when it
 * carries the same CSRF cookie too (the same browser): a copied refresh token alone gets nothing
 * shared and meets the API's reuse detection. Only successes are kept once settled.
 */
const sharedRefreshes = new Map<string, { outcome: Promise<RefreshOutcome>; startedAt: number }>();

async function refreshShared(refreshToken: string, csrfToken: string | null, request: Request, api: ApiBinding): Promise<RefreshOutcome> {
  // No CSRF cookie, no browser to bind the share to: the request refreshes on its own.
  if (!csrfToken) return refresh(refreshToken, request, api);
  const key = `${refreshToken}\n${csrfToken}`;
  const now = Date.now();
  for (const [token, entry] of sharedRefreshes) if (now - entry.startedAt > SHARED_REFRESH_MS) sharedRefreshes.delete(token);
  const shared = sharedRefreshes.get(key);
  if (shared) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<RefreshOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: "unavailable" }), SHARED_REFRESH_WAIT_MS);
    });
    try {
      return await Promise.race([shared.outcome, gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }
  const entry = { outcome: refresh(refreshToken, request, api), startedAt: now };
  sharedRefreshes.set(key, entry);
  const outcome = await entry.outcome;
  if (outcome.kind !== "session" && sharedRefreshes.get(key) === entry) sharedRefreshes.delete(key);
  return outcome;
}

async function refresh(refreshToken: string, request: Request, api: ApiBinding): Promise<RefreshOutcome> {
  try {
    const response = await api.fetch(
      new Request(new URL("/v1/auth/refresh", request.url), {
        method: "POST",
        headers: { "Content-Type": "application/json", ...forwardedHeaders(request) },
        body: JSON.stringify({ refreshToken }),
      }),
    );
    if (response.status === 401) return { kind: "refused" };
    if (!response.ok) return { kind: "unavailable" };
    return { kind: "session", session: (await response.json()) as Session };
  } catch {
    return { kind: "unavailable" };
  }
}
