import { createMiddleware } from "hono/factory";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { getDb } from "../db/client";
import { rateLimits } from "../db/schema";
import { ApiError } from "../lib/errors";
import type { AppEnv } from "../types";

export interface RateLimitRule {
  /** Names the counter, e.g. `login:ip`; also the policy's name in the RateLimit headers. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** One rule's state after a hit: how many requests are left and in how many seconds the window resets. */
export interface RateLimitState {
  rule: RateLimitRule;
  remaining: number;
  resetSeconds: number;
}

/**
 * The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers, structured fields; ADR 064):
 * `RateLimit-Policy: "login:ip";q=20;w=60` (quota per window) and `RateLimit: "login:ip";r=3;t=41`
 * (remaining, seconds to the reset). A request under several rules gets one list member per rule.
 */
export function rateLimitHeaders({ rule, remaining, resetSeconds }: RateLimitState): { "RateLimit-Policy": string; RateLimit: string } {
  const name = JSON.stringify(rule.name);
  return {
    "RateLimit-Policy": `${name};q=${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `${name};r=${remaining};t=${resetSeconds}`,
  };
}

/** Counts one hit against a fixed window in D1 (one atomic upsert). */
export async function countHit(env: Env, rule: RateLimitRule, subject: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<RateLimitState & { count: number }> {
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const key = `${rule.name}:${subject}`;
  const [row] = await getDb(env)
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  return { rule, count, remaining: Math.max(0, rule.limit - count), resetSeconds: windowStart + rule.windowSeconds - nowSeconds };
}

/**
 * Counts one hit and puts the RateLimit headers on the answer, whatever it turns out to be; past the
 * window's limit it throws 429 `rate_limited` with Retry-After as well.
 */
export async function hitRateLimit(c: Context<AppEnv>, rule: RateLimitRule, subject: string): Promise<void> {
  const state = await countHit(c.env, rule, subject);
  const headers = rateLimitHeaders(state);
  c.header("RateLimit-Policy", headers["RateLimit-Policy"], { append: true });
  c.header("RateLimit", headers.RateLimit, { append: true });
  if (state.count > rule.limit) {
    const retryAfter = state.resetSeconds;
    throw new ApiError(
      "rate_limited",
      `Too many requests; try again in ${retryAfter} seconds.`,
      { limit: rule.limit, windowSeconds: rule.windowSeconds, retryAfter },
      { "Retry-After": String(retryAfter) },
    );
  }
}

export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() ?? "local";
}

/** Middleware form, keyed by client IP. */
export const rateLimitByIp = (rule: RateLimitRule) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await hitRateLimit(c, rule, clientIp(c));
    await next();
  });
