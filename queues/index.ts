import { createLogger } from "../worker/lib/logger";

/**
 * Routes each queue's batches to its consumer. Built out by the jobs issue (#4); for now the health
 * ping is the only message and is acknowledged.
 */
export async function consumeQueue(batch: MessageBatch, env: Env, _ctx: ExecutionContext): Promise<void> {
  const log = createLogger({ queue: batch.queue });
  for (const message of batch.messages) {
    log.debug("queue message", { id: message.id });
    message.ack();
  }
  void env;
}
