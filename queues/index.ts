import { getConfig } from "../worker/parse-config";
import type { ChunkMessage, JobsQueueMessage, WebhookMessage } from "../worker/jobs/types";
import { ConnectionBudget } from "../worker/lib/connections";
import { createLogger } from "../worker/lib/logger";
import { consumeChunks } from "./chunks";
import type { EmailQueueMessage } from "../worker/email/types";
import { consumeDeadLetters } from "./dead-letter";
import { consumeEmails } from "./emails";
import { consumeWebhooks } from "./webhooks";

export const JOBS_QUEUE = "openline-jobs";
export const JOBS_DLQ = "openline-jobs-dlq";

/**
 * Routes each queue's batches to its consumer. The jobs queue carries chunk runs, webhook deliveries,
 * email retries and the health check's `{type: "ping"}` (acknowledged and ignored); its dead-letter queue gets what
 * failed every delivery.
 */
export async function consumeQueue(batch: MessageBatch, env: Env, _ctx: ExecutionContext): Promise<void> {
  // Parsed once for the invocation, here at its edge, and passed on.
  const config = getConfig(env);
  const log = createLogger({ queue: batch.queue }, config.LOG_LEVEL);
  if (batch.queue === JOBS_DLQ) return consumeDeadLetters(batch.messages, env, log);
  const chunks: Message<ChunkMessage>[] = [];
  const webhooks: Message<WebhookMessage>[] = [];
  const emails: Message<EmailQueueMessage>[] = [];
  for (const message of batch.messages) {
    const body = message.body as JobsQueueMessage | EmailQueueMessage | null;
    if (body?.type === "chunk") chunks.push(message as Message<ChunkMessage>);
    else if (body?.type === "webhook") webhooks.push(message as Message<WebhookMessage>);
    else if (body?.type === "email") emails.push(message as Message<EmailQueueMessage>);
    else {
      if (body?.type !== "ping") log.warn("unknown queue message acknowledged", { id: message.id });
      message.ack();
    }
  }
  // One connection budget for the invocation: LLM calls, R2 and webhook deliveries share its six slots.
  const connections = new ConnectionBudget({ streams: config.LLM_CONCURRENCY });
  await Promise.all([consumeChunks(chunks, env, config, log, connections), consumeWebhooks(webhooks, env, config, log, connections), consumeEmails(emails, env, config, log)]);
}
