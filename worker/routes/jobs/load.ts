import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { jobs, type Job } from "../../db/schema";
import { ApiError, notFound } from "../../lib/errors";
import type { ControlResult, OutputPlan } from "../../jobs/room/contract";
import { roomFor } from "../../jobs/keys";

/** The user's job, or 404 (also when it is someone else's: never reveal that it exists). */
export async function loadOwnJob(env: Env, userId: string, jobId: string): Promise<Job> {
  const [job] = await getDb(env).select().from(jobs).where(and(eq(jobs.id, jobId), eq(jobs.userId, userId)));
  if (!job) throw notFound("Job");
  return job;
}

/** The job's output plan, or 409 for a job whose start never reached its room. */
export async function outputPlanOf(env: Env, jobId: string, rows?: { first: number; last: number }): Promise<OutputPlan> {
  const plan = await roomFor(env, jobId).outputPlan(rows);
  if (!plan) throw new ApiError("conflict", "This job never started, so it has no rows.");
  return plan;
}

/** A JobRoom control answer as HTTP: the job, or 409 / 402 with the contract's details. */
export function controlAnswer(result: ControlResult) {
  if (result.ok) return result.job;
  if (result.code === "insufficient_credits") {
    throw new ApiError("insufficient_credits", result.message, { ...result.details, job: result.job });
  }
  throw new ApiError("conflict", result.message, { status: result.job?.status ?? null });
}
