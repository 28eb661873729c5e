import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client";
import { jobs, uploads } from "../db/schema";

/** The job a ledger entry's `jobId` names: a regeneration's hold (`<job>:regen:<row>:<n>`, ADR 060) is its job's. */
export const jobOfLedgerId = (jobId: string): string => jobId.split(":regen:")[0]!;

/** The file name of each of the user's jobs, by job id (one query; jobs whose upload is gone are left out). */
export async function filenamesOf(env: Env, userId: string, jobIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(jobIds)];
  if (ids.length === 0) return new Map();
  const rows = await getDb(env)
    .select({ id: jobs.id, filename: uploads.filename })
    .from(jobs)
    .innerJoin(uploads, eq(uploads.id, jobs.uploadId))
    .where(and(eq(jobs.userId, userId), inArray(jobs.id, ids)));
  return new Map(rows.map((row) => [row.id, row.filename]));
}
