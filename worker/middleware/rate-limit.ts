import { createMiddleware } from "hono/factory";
import { eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { getDb } from "../db/client";
import { rateLimits } from "../db/schema";
import { ApiError } from "../lib/errors";
import type { AppEnv } from "../types";

export interface RateLimitRule {
  /** Names the counter, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

function windowOf(rule: RateLimitRule) {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  return { nowSeconds, windowStart };
}

function rateLimited(rule: RateLimitRule, windowStart: number, nowSeconds: number): ApiError {
  const retryAfter = windowStart + rule.windowSeconds - nowSeconds;
  return new ApiError(
    "rate_limited",
    `Too many requests; try again in ${retryAfter} seconds.`,
    { limit: rule.limit, windowSeconds: rule.windowSeconds, retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/**
 * Counts one hit against a fixed window in D1 (one atomic upsert) and throws 429 `rate_limited` with
 * Retry-After when the window's limit is passed.
 */
export async function hitRateLimit(env: Env, rule: RateLimitRule, subject: string, weight = 1): Promise<void> {
  const { nowSeconds, windowStart } = windowOf(rule);
  if ((await countHit(env, rule, subject, windowStart, weight)) > rule.limit) throw rateLimited(rule, windowStart, nowSeconds);
}

/**
 * Throws 429 when the window's limit is already used up, counting nothing: with recordHit, for limits
 * that count only some outcomes (failed logins), so successes never lock anyone out.
 */
export async function checkRateLimit(env: Env, rule: RateLimitRule, subject: string): Promise<void> {
  const { nowSeconds, windowStart } = windowOf(rule);
  const [row] = await getDb(env)
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, `${rule.name}:${subject}`));
  if (row && row.windowStart === windowStart && row.count >= rule.limit) throw rateLimited(rule, windowStart, nowSeconds);
}

/** Counts one hit without refusing anything (see checkRateLimit). */
export async function recordHit(env: Env, rule: RateLimitRule, subject: string): Promise<void> {
  await countHit(env, rule, subject, windowOf(rule).windowStart);
}

/** Adds `weight` hits (rows, for limits counted in rows) and answers the window's count. */
async function countHit(env: Env, rule: RateLimitRule, subject: string, windowStart: number, weight = 1): Promise<number> {
  const key = `${rule.name}:${subject}`;
  const [row] = await getDb(env)
    .insert(rateLimits)
    .values({ key, windowStart, count: weight })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + ${weight} ELSE ${weight} END`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 0;
}

export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() ?? "local";
}

/** Middleware form, keyed by client IP. */
export const rateLimitByIp = (rule: RateLimitRule) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await hitRateLimit(c.env, rule, clientIp(c));
    await next();
  });
