import { createMiddleware } from "hono/factory";
import { sql } from "drizzle-orm";
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

/**
 * Counts one hit against a fixed window in D1 (one atomic upsert) and throws 429 `rate_limited` with
 * Retry-After when the window's limit is passed.
 */
export async function hitRateLimit(env: Env, rule: RateLimitRule, subject: string): Promise<void> {
  const nowSeconds = Math.floor(Date.now() / 1000);
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
  if (row && row.count > rule.limit) {
    const retryAfter = windowStart + rule.windowSeconds - nowSeconds;
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
    await hitRateLimit(c.env, rule, clientIp(c));
    await next();
  });
