import { createMiddleware } from "hono/factory";
import { getCookie } from "hono/cookie";
import { and, eq, isNull } from "drizzle-orm";
import { effectiveRole } from "../accounts";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { apiKeys, users } from "../db/schema";
import { sha256Hex, timingSafeEqual } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { verifyAccessToken } from "../lib/tokens";
import { API_SCOPES, type ApiScope, type AppEnv, type AuthContext } from "../types";

/** Cookie names shared with the web app, which sets them (`__Host-`: Secure, Path=/, no Domain; ADR 068). */
export const ACCESS_COOKIE = "__Host-ol_access";
export const REFRESH_COOKIE = "__Host-ol_refresh";
export const CSRF_COOKIE = "__Host-ol_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

export const API_KEY_PREFIX = "olk_";
const LAST_USED_RESOLUTION_MS = 60_000;

const unauthorized = (message = "Missing or invalid credentials.") => new ApiError("unauthorized", message);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Accepts `Authorization: Bearer <JWT | API key>` or the browser's access-token cookie. Cookie-
 * authenticated writes must echo the CSRF cookie in X-CSRF-Token (double submit), so another site
 * cannot ride the user's cookies.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  let auth: AuthContext | null;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must be `Bearer <token>`.");
    const token = match[1]!;
    auth = token.startsWith(API_KEY_PREFIX)
      ? await authenticateApiKey(c.env, c.var.config, token, c.executionCtx)
      : await authenticateJwt(c.env, c.var.config, token, "jwt");
  } else {
    const cookie = getCookie(c, ACCESS_COOKIE);
    if (!cookie) throw unauthorized();
    if (!SAFE_METHODS.has(c.req.method)) checkCsrf(c.req.header(CSRF_HEADER), getCookie(c, CSRF_COOKIE));
    auth = await authenticateJwt(c.env, c.var.config, cookie, "cookie");
  }
  if (!auth) throw unauthorized();
  c.set("auth", auth);
  await next();
});

function checkCsrf(header: string | undefined, cookie: string | undefined): void {
  const encoder = new TextEncoder();
  if (!header || !cookie || !timingSafeEqual(encoder.encode(header), encoder.encode(cookie))) {
    throw new ApiError("forbidden", "Missing or wrong CSRF token for a cookie-authenticated request.");
  }
}

async function authenticateJwt(env: Env, config: Config, token: string, via: "jwt" | "cookie"): Promise<AuthContext | null> {
  const userId = await verifyAccessToken(config, token);
  if (!userId) return null;
  const [user] = await getDb(env).select().from(users).where(eq(users.id, userId));
  return user ? { user: { ...user, role: effectiveRole(config, user) }, via, scopes: API_SCOPES } : null;
}

async function authenticateApiKey(env: Env, config: Config, key: string, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<AuthContext | null> {
  const db = getDb(env);
  const [row] = await db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, await sha256Hex(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const lastUsed = row.key.lastUsedAt ? Date.parse(row.key.lastUsedAt) : 0;
  // Written at most once a minute per key, off the request's critical path.
  if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
    ctx.waitUntil(
      db.update(apiKeys).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiKeys.id, row.key.id)).then(() => undefined),
    );
  }
  return { user: { ...row.user, role: effectiveRole(config, row.user) }, via: "api_key", apiKeyId: row.key.id, scopes: row.key.scopes as ApiScope[] };
}

/** Rejects API keys that lack a scope (sessions have every scope). */
export const requireScope = (scope: ApiScope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.auth.scopes.includes(scope)) {
      throw new ApiError("forbidden", `This API key lacks the \`${scope}\` scope.`, { requiredScope: scope });
    }
    await next();
  });

/** Account-level actions (API keys, deletion, secrets) need a signed-in person, not an API key. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.auth.via === "api_key") throw new ApiError("forbidden", "This action needs a signed-in session, not an API key.");
  await next();
});

/**
 * Admin routes take a signed-in session only: an admin's API key, whatever its scopes, must not list
 * every user or grant credits if it leaks (ADR 068).
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.auth.user.role !== "admin") throw new ApiError("forbidden", "Admins only.");
  if (c.var.auth.via === "api_key") throw new ApiError("forbidden", "Admin actions need a signed-in session, not an API key.");
  await next();
});
