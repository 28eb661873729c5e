import { eq } from "drizzle-orm";
import { closeStripeCustomer } from "../billing/customers";
import type { Config } from "../config";
import { ledgerFor } from "../credits/ledger";
import { getDb } from "../db/client";
import { jobs, users, type User } from "../db/schema";
import { roomFor } from "../jobs/keys";
import { isTerminal } from "../jobs/types";
import type { Logger } from "../lib/logger";
import { purgeIdempotencyRecords } from "../middleware/idempotency";
import { purgeRateLimits } from "../middleware/rate-limit";
import { deletePrefix, userPrefix } from "../storage";

/**
 * Deletes an account and everything of it, in an order that can be retried from any failure: billing
 * first (Stripe down: 503, the account still whole), then running jobs are canceled and their rooms
 * wiped, so no chunk still running writes results after the files are gone (a canceled chunk's
 * lease is refused), then the files, the ledger, the idempotency and rate-limit records (which hold
 * the email and answers), and last the D1 row, which takes keys, tokens, uploads, profiles and jobs
 * with it (ON DELETE CASCADE). The caller has checked who asks (the route wants the password).
 */
export async function deleteAccount(env: Env, config: Config, user: User, log: Logger): Promise<void> {
  await closeStripeCustomer(env, config, user, log);
  const db = getDb(env);
  const userJobs = await db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.userId, user.id));
  await Promise.all(userJobs.filter((job) => !isTerminal(job.status)).map((job) => roomFor(env, job.id).cancel()));
  // Job rooms hold each job's settings (the service text among them): wipe them too.
  await Promise.all(userJobs.map((job) => roomFor(env, job.id).destroy()));
  await deletePrefix(env.FILES, userPrefix(user.id));
  await ledgerFor(env, user.id).destroy();
  await purgeIdempotencyRecords(env, user.id);
  await purgeRateLimits(env, { userId: user.id, email: user.email });
  await db.delete(users).where(eq(users.id, user.id));
  log.info("account deleted", { userId: user.id, jobs: userJobs.length });
}
