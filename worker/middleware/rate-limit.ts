import { createMiddleware } from "hono/factory";
import { eq, sql } from "drizzle-orm";
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

/** One rule's state: how many requests are left and in how many seconds the window resets. */
export interface RateLimitState {
  rule: RateLimitRule;
  remaining: number;
  resetSeconds: number;
}

function windowOf(rule: RateLimitRule) {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  return { nowSeconds, windowStart };
}

function stateOf(rule: RateLimitRule, count: number, windowStart: number, nowSeconds: number): RateLimitState {
  return { rule, remaining: Math.max(0, rule.limit - count), resetSeconds: windowStart + rule.windowSeconds - nowSeconds };
}

function rateLimited({ rule, resetSeconds: retryAfter }: RateLimitState): ApiError {
  return new ApiError(
    "rate_limited",
    `Too many requests; try again in ${retryAfter} seconds.`,
    { limit: rule.limit, windowSeconds: rule.windowSeconds, retryAfter },
    { "Retry-After": String(retryAfter) },
  );
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

/** Each request's latest state per rule: a check then a recorded hit on one rule is one list member. */
const statesByRequest = new WeakMap<Context<AppEnv>, Map<string, RateLimitState>>();

/** Puts the RateLimit headers on the answer, whatever it turns out to be (errors keep them too). */
function announce(c: Context<AppEnv>, state: RateLimitState): void {
  const states = statesByRequest.get(c) ?? new Map<string, RateLimitState>();
  statesByRequest.set(c, states.set(state.rule.name, state));
  const all = [...states.values()].map(rateLimitHeaders);
  c.header("RateLimit-Policy", all.map((headers) => headers["RateLimit-Policy"]).join(", "));
  c.header("RateLimit", all.map((headers) => headers.RateLimit).join(", "));
}

/**
 * Counts `weight` hits (rows, for limits counted in rows) against a fixed window in D1 (one atomic
 * upsert) and throws 429 `rate_limited` with Retry-After when the window's limit is passed.
 */
export async function hitRateLimit(c: Context<AppEnv>, rule: RateLimitRule, subject: string, weight = 1): Promise<void> {
  const { nowSeconds, windowStart } = windowOf(rule);
  const count = await countHit(c.env, rule, subject, windowStart, weight);
  const state = stateOf(rule, count, windowStart, nowSeconds);
  announce(c, state);
  if (count > rule.limit) throw rateLimited(state);
}

/**
 * Throws 429 when the window's limit is already used up, counting nothing: with recordHit, for limits
 * that count only some outcomes (failed logins), so successes never lock anyone out.
 */
export async function checkRateLimit(c: Context<AppEnv>, rule: RateLimitRule, subject: string): Promise<void> {
  const { nowSeconds, windowStart } = windowOf(rule);
  const [row] = await getDb(c.env)
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, `${rule.name}:${subject}`));
  const count = row && row.windowStart === windowStart ? row.count : 0;
  const state = stateOf(rule, count, windowStart, nowSeconds);
  announce(c, state);
  if (count >= rule.limit) throw rateLimited(state);
}

/** Counts one hit without refusing anything (see checkRateLimit). */
export async function recordHit(c: Context<AppEnv>, rule: RateLimitRule, subject: string): Promise<void> {
  const { nowSeconds, windowStart } = windowOf(rule);
  announce(c, stateOf(rule, await countHit(c.env, rule, subject, windowStart), windowStart, nowSeconds));
}

/** Adds `weight` hits and answers the window's count. */
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

/**
 * Deletes the rate-limit rows naming one account (its deletion): keys are `<rule>:<subject>`, and a
 * subject is the user's id, the address (`signup:email:`, `password-reset:email:`) or the address and
 * an IP (`login:fail:<email>|<ip>`). Matched exactly at those places, never as a substring: deleting
 * `ann@acme.co` must not reset the failed-login count of `ann@acme.com` (an address holds no `:` or `|`).
 */
export async function purgeRateLimits(env: Env, account: { userId: string; email: string }): Promise<void> {
  const byId = `:${account.userId}`;
  const byEmail = `:${account.email}`;
  await getDb(env)
    .delete(rateLimits)
    .where(
      sql`substr(${rateLimits.key}, -length(${byId})) = ${byId} OR substr(${rateLimits.key}, -length(${byEmail})) = ${byEmail} OR instr(${rateLimits.key}, ${`${byEmail}|`}) > 0`,
    );
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
