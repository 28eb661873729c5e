import type { Config } from "../worker/config";
import { leaseBatch, chunkRetryDelay, runChunkMessage } from "../worker/jobs/chunk-runner";
import { LeaseKeepers } from "../worker/jobs/lease-keeper";
import type { ChunkMessage } from "../worker/jobs/types";
import type { Logger } from "../worker/lib/logger";
import { createLlmClient, llmOptionsFromConfig } from "../worker/llm/client";
import type { ConnectionBudget } from "../worker/lib/connections";
import { emptyUsage } from "../worker/llm/types";
import { researcherFor } from "../worker/research/researcher";

/**
 * The chunk consumer: every chunk of the batch runs at once, sharing one limit on LLM calls in flight
 * (LLM_CONCURRENCY) and the invocation's six header slots (worker/lib/connections.ts), so the
 * invocation keeps that many calls busy. Each message is acked or retried on its own.
 */
export async function consumeChunks(messages: Message<ChunkMessage>[], env: Env, config: Config, log: Logger, connections: ConnectionBudget): Promise<void> {
  if (messages.length === 0) return;
  const started = Date.now();
  const usage = emptyUsage();
  const deps = {
    env,
    config,
    client: createLlmClient({ ...llmOptionsFromConfig(config), fetch: connections.fetch, headers: { "X-Openline-Invocation": connections.id } }),
    limiter: connections.streams,
    connections,
    log,
    usage,
    keepers: new LeaseKeepers(env),
    // Research fetches share the invocation's streams and header slots with the LLM calls.
    researcher: researcherFor(env, config, connections.streams, log, connections.fetch),
  };
  let rows = 0;
  const leases = leaseBatch(env, messages.map((message) => message.body));
  await Promise.all(
    messages.map(async (message, i) => {
      try {
        const outcome = await runChunkMessage(message.body, await leases[i]!, message.attempts, deps);
        rows += outcome.rows;
        if (outcome.kind === "ack") message.ack();
        else message.retry({ delaySeconds: outcome.delaySeconds });
      } catch (error) {
        log.error("chunk failed, retried", { jobId: message.body.jobId, chunk: message.body.chunk, attempts: message.attempts, error });
        message.retry({ delaySeconds: chunkRetryDelay(message.attempts) });
      }
    }),
  );
  log.info("chunk batch", {
    messages: messages.length,
    rows,
    ms: Date.now() - started,
    inFlightLimit: config.LLM_CONCURRENCY,
    llmRequests: usage.requests,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    cachedPromptTokens: usage.cachedPromptTokens,
    peakWaitingForHeaders: connections.peakWaitingForHeaders,
  });
}
