import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Config } from "./config";
import { getDb } from "./db/client";
import { accountTokens, idempotencyKeys, rateLimits, refreshTokens, researchSites } from "./db/schema";
import { deleteExpiredFiles } from "./jobs/retention";
import { deleteOldDeliveries } from "./jobs/webhook-deliveries";
import { createLogger } from "./lib/logger";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Hourly clean-up (cron trigger) so the tables that only matter for a while don't grow forever:
 * idempotency records past their 24 h, rate-limit windows older than a day, and refresh tokens that
 * expired or died over a month ago (kept that long so reuse detection still sees them), emailed links
 * (verification, password reset) a week past their expiry, website research whose cache time is over,
 * webhook deliveries older than 30 days, and the files of jobs and uploads past their retention
 * (worker/jobs/retention.ts).
 */
export async function runMaintenance(env: Env, config: Config, now = Date.now()): Promise<Record<string, number>> {
  const db = getDb(env);
  const dayAgo = new Date(now - DAY_MS).toISOString();
  const monthAgo = new Date(now - 30 * DAY_MS).toISOString();
  const weekAgo = new Date(now - 7 * DAY_MS).toISOString();
  const [idempotency, limits, tokens, sites, links, deliveries] = await Promise.all([
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, dayAgo)).returning({ key: idempotencyKeys.key }),
    db.delete(rateLimits).where(lt(rateLimits.windowStart, Math.floor((now - DAY_MS) / 1000))).returning({ key: rateLimits.key }),
    db
      .delete(refreshTokens)
      .where(
        or(
          lt(refreshTokens.expiresAt, new Date(now).toISOString()),
          and(isNotNull(refreshTokens.revokedAt), lt(refreshTokens.revokedAt, monthAgo)),
          and(isNotNull(refreshTokens.usedAt), lt(refreshTokens.usedAt, monthAgo)),
        ),
      )
      .returning({ id: refreshTokens.id }),
    db.delete(researchSites).where(lt(researchSites.expiresAt, now)).returning({ domain: researchSites.domain }),
    db.delete(accountTokens).where(lt(accountTokens.expiresAt, weekAgo)).returning({ id: accountTokens.id }),
    deleteOldDeliveries(env, now),
  ]);
  const files = await deleteExpiredFiles(env, config, now);
  const removed = {
    idempotencyKeys: idempotency.length,
    rateLimits: limits.length,
    refreshTokens: tokens.length,
    webhookDeliveries: deliveries,
    researchSites: sites.length,
    jobFiles: files.jobs,
    uploadFiles: files.uploads,
    accountTokens: links.length,
  };
  createLogger({ task: "maintenance" }, config.LOG_LEVEL).info("maintenance done", removed);
  return removed;
}
