import { jobPrefix } from "../storage";

/** R2 keys and ledger keys of a job. */
export const chunkResultKey = (userId: string, jobId: string, chunk: number, run: number, leaseId: string) =>
  `${jobPrefix(userId, jobId)}results/c${String(chunk).padStart(6, "0")}/r${run}-${leaseId}.json`;

/** One reservation (and at most one charge) per chunk run. */
export const chunkRunKey = (jobId: string, chunk: number, run: number) => `${jobId}:c${chunk}:r${run}`;

export const roomFor = (env: Env, jobId: string) => env.JOB_ROOM.get(env.JOB_ROOM.idFromName(jobId));
