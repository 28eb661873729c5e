import { deliverWebhook, webhookRetryDelay } from "../worker/jobs/webhook";
import type { WebhookMessage } from "../worker/jobs/types";
import type { Logger } from "../worker/lib/logger";

/** Delivers job webhooks; a receiver that does not answer 2xx gets the same delivery again later. */
export async function consumeWebhooks(messages: Message<WebhookMessage>[], env: Env, log: Logger): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const result = await deliverWebhook(env, message.body);
      if (result.delivered || result.final) {
        message.ack();
        return;
      }
      log.warn("webhook delivery failed, retried", { jobId: message.body.jobId, deliveryId: message.body.deliveryId, reason: result.reason, attempts: message.attempts });
      message.retry({ delaySeconds: webhookRetryDelay(message.attempts) });
    }),
  );
}
