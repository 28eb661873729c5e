import { and, eq, isNull, ne, or } from "drizzle-orm";
import type { LedgerEntry } from "../credits/contract";
import { ledgerFor } from "../credits/ledger";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { users, type User } from "../db/schema";
import { sendEmail } from "../email/send";
import { creditsLow, jobFailed, jobFinished, jobPaused, type NotificationKind } from "../email/templates";
import { createLogger, type Logger } from "../lib/logger";
import { wantsNotification } from "../notifications/preferences";
import { unsubscribeLinks } from "../notifications/unsubscribe";
import type { PublicJob, WebhookEvent } from "./types";

/** Grants a "credits low" email measures against: what the user was given or bought, not refunds. */
const GRANT_REASONS = new Set<LedgerEntry["reason"]>(["signup", "plan", "renewal", "pack", "admin"]);
export const CREDITS_LOW_FRACTION = 0.1;

/**
 * The emails a job's end sends (ADR 058), called where its webhook is enqueued (JobRoom) with the
 * same event: finished, failed, or paused for budget (a pause the user asked for mails nothing).
 * Then, if the balance fell under 10 % of the last grant, one "credits low" email for that grant.
 * Never throws: a notification must not disturb the job.
 */
export async function notifyJobEvent(env: Env, config: Config, userId: string, job: PublicJob, event: WebhookEvent): Promise<void> {
  const log = createLogger({ jobId: job.id, userId }, config.LOG_LEVEL);
  try {
    if (job.mode !== "full") return;
    const [user] = await getDb(env).select().from(users).where(eq(users.id, userId));
    if (!user) return;
    const kind = kindOf(job, event);
    if (kind && wantsNotification(user, kind)) await sendJobEmail(env, config, user, job, kind, log);
    await notifyIfCreditsLow(env, config, user, log);
  } catch (error) {
    log.error("job notification failed", { jobId: job.id, event, error });
  }
}

function kindOf(job: PublicJob, event: WebhookEvent): NotificationKind | null {
  if (event === "job.succeeded") return "jobFinished";
  if (event === "job.failed") return "jobFailed";
  return job.pauseReason === "budget" ? "jobPaused" : null;
}

async function sendJobEmail(env: Env, config: Config, user: User, job: PublicJob, kind: NotificationKind, log: Logger): Promise<void> {
  const unsubscribe = await unsubscribeLinks(config, user.id, kind);
  const template = kind === "jobFinished" ? jobFinished : kind === "jobFailed" ? jobFailed : jobPaused;
  await sendEmail(env, config, template(config.APP_URL, user.email, job, unsubscribe), log, user.id);
}

/** Once per grant: the conditional UPDATE claims the grant, so two job ends at once send one email. */
export async function notifyIfCreditsLow(env: Env, config: Config, user: User, log: Logger): Promise<void> {
  if (!user.notifyCreditsLow) return;
  const ledger = ledgerFor(env, user.id);
  const [{ balance }, entries] = await Promise.all([ledger.getBalance(), ledger.listEntries({ limit: 50 })]);
  const grant = entries.data.find((entry) => entry.delta > 0 && GRANT_REASONS.has(entry.reason));
  if (!grant || balance >= grant.delta * CREDITS_LOW_FRACTION) return;
  const claimed = await getDb(env)
    .update(users)
    .set({ creditsLowNotifiedFor: grant.id })
    .where(and(eq(users.id, user.id), or(isNull(users.creditsLowNotifiedFor), ne(users.creditsLowNotifiedFor, grant.id))))
    .returning({ id: users.id });
  if (claimed.length === 0) return;
  const unsubscribe = await unsubscribeLinks(config, user.id, "creditsLow");
  await sendEmail(env, config, creditsLow(config.APP_URL, user.email, balance, grant.delta, unsubscribe), log, user.id);
}
