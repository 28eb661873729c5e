import { and, eq, isNull, notExists, sql } from "drizzle-orm";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { jobs, uploads, users, type User } from "../db/schema";
import { ApiError } from "../lib/errors";
import { deletePrefix, jobPrefix, uploadPrefix } from "../storage";
import { roomFor } from "./keys";
import { isTerminal } from "./types";

/**
 * Retention (ADR 068): uploaded files (original, normalized copy, chunk index) and job results are
 * deleted RETENTION_DAYS after they were made, or after fewer days if the user chose so; job rows and
 * ledger entries stay. An upload's files go only once every job reading them is past retention too.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Files deleted per maintenance run and kind, so one run stays well inside a cron invocation. */
const BATCH = 200;

export function retentionDaysOf(config: Config, user: Pick<User, "retentionDays">): number {
  const max = config.RETENTION_DAYS;
  return Math.min(user.retentionDays ?? max, max);
}

/** When the files of something made at `createdAt` are deleted. */
export function filesExpireAt(createdAt: string, days: number): string {
  return new Date(Date.parse(createdAt) + days * DAY_MS).toISOString();
}

/** 410 `gone` for the rows and output of a job whose files the retention clean-up deleted. */
export function assertFilesKept(job: { filesDeletedAt: string | null }): void {
  if (job.filesDeletedAt) {
    throw new ApiError("gone", "This job's files were deleted after the retention period; its counts and charges are kept.", {
      filesDeletedAt: job.filesDeletedAt,
    });
  }
}

/** The cut-off per user, in SQL: made before now minus the user's retention days. */
const expired = (maxDays: number, now: number, createdAt: typeof jobs.createdAt | typeof uploads.createdAt) =>
  sql`julianday(${createdAt}) < julianday(${new Date(now).toISOString()}) - min(coalesce(${users.retentionDays}, ${maxDays}), ${maxDays})`;

export async function deleteExpiredFiles(env: Env, config: Config, now = Date.now()): Promise<{ jobs: number; uploads: number }> {
  const db = getDb(env);
  const deletedAt = new Date(now).toISOString();
  const oldJobs = await db
    .select({ id: jobs.id, userId: jobs.userId, status: jobs.status })
    .from(jobs)
    .innerJoin(users, eq(users.id, jobs.userId))
    .where(and(isNull(jobs.filesDeletedAt), expired(config.RETENTION_DAYS, now, jobs.createdAt)))
    .limit(BATCH);
  for (const job of oldJobs) {
    // A job still going (paused for months) stops first, so nothing writes results after the delete.
    if (!isTerminal(job.status)) await roomFor(env, job.id).cancel();
    await deletePrefix(env.FILES, jobPrefix(job.userId, job.id));
    await db.update(jobs).set({ filesDeletedAt: deletedAt }).where(eq(jobs.id, job.id));
  }
  const recentJob = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.uploadId, uploads.id), sql`NOT (${expired(config.RETENTION_DAYS, now, jobs.createdAt)})`));
  const oldUploads = await db
    .select({ id: uploads.id, userId: uploads.userId })
    .from(uploads)
    .innerJoin(users, eq(users.id, uploads.userId))
    .where(and(isNull(uploads.filesDeletedAt), expired(config.RETENTION_DAYS, now, uploads.createdAt), notExists(recentJob)))
    .limit(BATCH);
  for (const upload of oldUploads) {
    await deletePrefix(env.FILES, uploadPrefix(upload.userId, upload.id));
    await db.update(uploads).set({ filesDeletedAt: deletedAt }).where(eq(uploads.id, upload.id));
  }
  return { jobs: oldJobs.length, uploads: oldUploads.length };
}
