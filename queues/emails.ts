import { deliverEmail, emailRetryDelay } from "../worker/email/send";
import type { EmailQueueMessage } from "../worker/email/types";
import type { Config } from "../worker/config";
import type { Logger } from "../worker/lib/logger";

/**
 * Emails whose first send failed (worker/email/send.ts): each attempt goes through the binding again,
 * with backoff; after the queue's last retry the dead-letter consumer logs it as lost.
 */
export async function consumeEmails(messages: Message<EmailQueueMessage>[], env: Env, config: Config, log: Logger): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const { email, userId } = message.body;
      try {
        const messageId = await deliverEmail(env, config, email);
        log.info("email sent on retry", { kind: email.kind, userId, messageId, attempts: message.attempts });
        message.ack();
      } catch (error) {
        log.warn("email send failed again, retried", { kind: email.kind, userId, attempts: message.attempts, error });
        message.retry({ delaySeconds: emailRetryDelay(config, message.attempts + 1) });
      }
    }),
  );
}
