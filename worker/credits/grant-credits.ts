import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client";
import { jobs } from "../db/schema";
import { roomFor } from "../jobs/keys";
import { createLogger, type Logger } from "../lib/logger";
import type { GrantResult, LedgerReason } from "./contract";
import { ledgerFor } from "./ledger";

export interface CreditGrant {
  /** Idempotency key: the same key granted twice lands once (`signup:<user>`, `pack:<session>`, `admin:…`). */
  key: string;
  /** Credits to add; negative only for an admin correction (refused, never clamped, below a zero balance). */
  amount: number;
  reason: LedgerReason;
  note?: string;
}

/**
 * The one way credits are granted (signup, Stripe purchases and renewals, the admin grant): through
 * the user's CreditLedger, then, for a positive grant, the user's credit-paused jobs are asked to go on.
 *
 * The resume rule, one for every caller: after every positive grant, a replayed one included (the
 * first attempt may have died between its grant and the resume; asking a room twice is harmless, it
 * resumes only a job paused for credits that can now reserve some), awaited so the caller's answer
 * comes after the jobs moved, and never failing the grant (the credits are in: a failed resume is
 * logged, and Stripe must not redeliver a payment for it). The admin grant used to skip replays and
 * resume in the background; Stripe's rule was the safe one and is now everyone's (ADR 049).
 * `afterGrant` is the jobs pipeline's hook; tests pass a recorder.
 */
export async function grantCredits(
  env: Env,
  userId: string,
  grant: CreditGrant,
  log: Logger,
  afterGrant: (env: Env, userId: string) => Promise<void> = onCreditsGranted,
): Promise<GrantResult> {
  const result = await ledgerFor(env, userId).grant(grant);
  if (!result.ok) return result;
  log.info("credits granted", { userId, key: grant.key, amount: grant.amount, reason: grant.reason, replayed: result.replayed });
  if (grant.amount > 0) {
    try {
      await afterGrant(env, userId);
    } catch (error) {
      log.error("onCreditsGranted failed", { userId, error });
    }
  }
  return result;
}

/**
 * After credits arrive: owed credits are paid from them, then every job of the user's paused because its budget or the balance ran out
 * asks its room to go on, which it does if it can now reserve credits (a job stopped at its own
 * maxCredits stays paused).
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
