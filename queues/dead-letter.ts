import { failDeadChunk } from "../worker/jobs/chunk-runner";
import type { EmailQueueMessage } from "../worker/email/types";
import type { JobsQueueMessage } from "../worker/jobs/types";
import type { Logger } from "../worker/lib/logger";
import { hostOf } from "../worker/lib/public-url";

/**
 * Messages that failed every delivery. A chunk's unfinished rows are marked failed (never charged) so
 * its job can end; a webhook is given up on, loudly.
 */
export async function consumeDeadLetters(messages: readonly Message<unknown>[], env: Env, log: Logger): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const body = message.body as JobsQueueMessage | EmailQueueMessage | null;
      try {
        if (body?.type === "chunk") await failDeadChunk(body, { env, log });
        else if (body?.type === "webhook") log.error("webhook given up after retries", { jobId: body.jobId, deliveryId: body.deliveryId, host: hostOf(body.url) });
        else if (body?.type === "email") log.error("email given up after retries", { kind: body.email.kind, userId: body.userId });
        message.ack();
      } catch (error) {
        log.error("dead letter failed, retried", { error, attempts: message.attempts });
        message.retry({ delaySeconds: 30 });
      }
    }),
  );
}
