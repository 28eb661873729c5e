import type { Config } from "../worker/config";
import { deliverQueued } from "../worker/jobs/webhook-deliveries";
import type { WebhookMessage } from "../worker/jobs/types";
import { webhookRetryDelay } from "../worker/jobs/webhook";
import type { ConnectionBudget } from "../worker/lib/connections";
import type { Logger } from "../worker/lib/logger";
import { hostOf } from "../worker/lib/public-url";

/**
 * Delivers job webhooks (each attempt recorded, worker/jobs/webhook-deliveries.ts); a receiver that does
 * not answer 2xx gets the same delivery again later. Each message is settled on its own and nothing is
 * thrown: the batch may also carry chunk runs in flight.
 */
export async function consumeWebhooks(messages: Message<WebhookMessage>[], env: Env, config: Config, log: Logger, connections: ConnectionBudget): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      let reason: string;
      let delaySeconds = webhookRetryDelay(message.attempts);
      try {
        const outcome = await deliverQueued(env, config, message.body, message.attempts, connections.fetch);
        if (outcome.kind === "ack") {
          message.ack();
          return;
        }
        ({ reason, delaySeconds } = outcome);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      log.warn("webhook delivery failed, retried", { jobId: message.body.jobId, deliveryId: message.body.deliveryId, host: hostOf(message.body.url), reason, attempts: message.attempts });
      message.retry({ delaySeconds });
    }),
  );
}
