import { deliverWebhook, webhookRetryDelay } from "../worker/jobs/webhook";
import type { WebhookMessage } from "../worker/jobs/types";
import type { ConnectionBudget } from "../worker/lib/connections";
import type { Logger } from "../worker/lib/logger";
import { hostOf } from "../worker/lib/public-url";

/**
 * Delivers job webhooks; a receiver that does not answer 2xx gets the same delivery again later. Each
 * message is settled on its own and nothing is thrown: the batch may also carry chunk runs in flight.
 */
export async function consumeWebhooks(messages: Message<WebhookMessage>[], env: Env, log: Logger, connections: ConnectionBudget): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      let reason: string;
      try {
        const result = await deliverWebhook(env, message.body, connections.fetch);
        if (result.delivered || result.final) {
          message.ack();
          return;
        }
        reason = result.reason;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      log.warn("webhook delivery failed, retried", { jobId: message.body.jobId, deliveryId: message.body.deliveryId, host: hostOf(message.body.url), reason, attempts: message.attempts });
      message.retry({ delaySeconds: webhookRetryDelay(message.attempts) });
    }),
  );
}
