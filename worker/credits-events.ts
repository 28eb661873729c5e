import { and, eq, inArray } from "drizzle-orm";
import { ledgerFor } from "./credits/ledger";
import { getDb } from "./db/client";
import { jobs } from "./db/schema";
import { roomFor } from "./jobs/keys";
import { createLogger } from "./lib/logger";

/**
 * Called after credits are granted to a user (Stripe purchase, renewal, admin grant): owed credits
 * are paid from them, then every job of
 * theirs paused because its budget or the balance ran out asks its room to go on, which it does if it
 * can now reserve credits (a job stopped at its own maxCredits stays paused).
 */
export async function onCreditsGranted(env: Env, userId: string): Promise<void> {
  // Credits owed (refunded or disputed after they were spent) are paid first (ADR 068).
  await ledgerFor(env, userId).payDebt();
  const paused = await getDb(env)
    .select({ id: jobs.id })
    .from(jobs)
    // Not only rows that say "paused": the D1 mirror may lag its room by a moment; the room decides.
    .where(and(eq(jobs.userId, userId), eq(jobs.mode, "full"), inArray(jobs.status, ["paused", "running", "queued"])));
  const log = createLogger({ userId });
  await Promise.all(
    paused.map(async ({ id }) => {
      try {
        const { resumed } = await roomFor(env, id).creditsGranted();
        if (resumed) log.info("job resumed after credits arrived", { jobId: id });
      } catch (error) {
        log.error("resuming a job after a grant failed", { jobId: id, error });
      }
    }),
  );
}
