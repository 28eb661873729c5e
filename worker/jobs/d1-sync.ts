import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { jobs } from "../db/schema";
import type { PublicJob } from "./types";

/** Mirrors the JobRoom's view of a job into its D1 row, which lists and admin filters read. */
export async function syncJobRow(env: Env, job: PublicJob): Promise<void> {
  await getDb(env)
    .update(jobs)
    .set({
      status: job.status,
      pauseReason: job.pauseReason,
      total: job.total,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
      creditsHeld: job.creditsHeld,
      creditsCharged: job.creditsCharged,
      maxCredits: job.maxCredits,
      error: job.error,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
    })
    .where(eq(jobs.id, job.id));
}
