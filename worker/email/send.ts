import type { Config } from "../config";
import type { Logger } from "../lib/logger";
import type { EmailQueueMessage, OutgoingEmail } from "./types";

export const EMAIL_SENDER_NAME = "Openline";

/** Seconds before attempt `attempt + 1` of a queued email: 30 s, 2 min, 8 min, … (EMAIL_RETRY_BASE_SECONDS), capped at an hour. */
export function emailRetryDelay(config: Config, attempt: number): number {
  return Math.min(3600, config.EMAIL_RETRY_BASE_SECONDS * 4 ** Math.max(0, attempt - 1));
}

/** One attempt through the `send_email` binding; throws what the binding throws. */
export async function deliverEmail(env: Env, config: Config, email: OutgoingEmail): Promise<string> {
  const result = await env.EMAIL.send({
    from: { email: config.EMAIL_FROM, name: EMAIL_SENDER_NAME },
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...(email.headers ? { headers: email.headers } : {}),
  });
  return result.messageId;
}

/**
 * Sends an email for something the user already did (signed up, asked for a reset, …). It never
 * throws: a failed send goes to the queue and is retried with backoff, so the user's action stands
 * and the request answers as if the email had gone. Only if the queue refuses too is the email lost,
 * and that is logged as an error (the user can ask again: resend, reset).
 */
export async function sendEmail(env: Env, config: Config, email: OutgoingEmail, log: Logger, userId: string | null = null): Promise<void> {
  try {
    const messageId = await deliverEmail(env, config, email);
    log.info("email sent", { kind: email.kind, userId, messageId });
    return;
  } catch (error) {
    log.warn("email send failed, queued for a retry", { kind: email.kind, userId, error });
  }
  const message: EmailQueueMessage = { type: "email", email, userId };
  try {
    await env.JOBS.send(message, { delaySeconds: emailRetryDelay(config, 1) });
  } catch (error) {
    log.error("email lost: neither sent nor queued", { kind: email.kind, userId, error });
  }
}
