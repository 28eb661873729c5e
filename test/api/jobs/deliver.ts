import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../../worker/index";

export interface DeliveryResult {
  explicitAcks: string[];
  /** Retried messages with the delay the consumer asked for (getQueueResult does not report it). */
  retryMessages: Array<{ msgId: string; delaySeconds: number | undefined }>;
}

/** Delivers messages to the Worker's queue handler by hand, as the queue would, and reports acks/retries. */
export async function deliver(
  bodies: unknown[],
  options: { queue?: string; attempts?: number; env?: Env; ids?: string[] } = {},
): Promise<DeliveryResult> {
  const batch = createMessageBatch(
    options.queue ?? "openline-jobs",
    bodies.map((body, i) => ({
      id: options.ids?.[i] ?? `msg-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: options.attempts ?? 1,
      body,
    })),
  );
  const delays = new Map<string, number | undefined>();
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (retryOptions?: QueueRetryOptions) => {
      delays.set(message.id, retryOptions?.delaySeconds);
      retry(retryOptions);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, options.env ?? env, ctx);
  const result = await getQueueResult(batch, ctx);
  return {
    explicitAcks: result.explicitAcks,
    retryMessages: result.retryMessages.map(({ msgId }) => ({ msgId, delaySeconds: delays.get(msgId) })),
  };
}
