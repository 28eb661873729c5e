// Shared by the benchmarks' workerd parts: report figures to the Node side, call the API like a client,
// run a job's chunks as one queue-consumer invocation.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { ChunkRangeRef, ChunkMessage } from "../worker/jobs/types";
import worker from "../worker/index";

const benchUrl = (env as unknown as { BENCH_URL?: string }).BENCH_URL;

/** Prints a figure set and hands it to bench/results-server.mjs. */
export async function report(name: string, result: Record<string, unknown>) {
  console.log(name, JSON.stringify(result));
  if (benchUrl) await fetch(`${benchUrl}/results/${name}`, { method: "POST", body: JSON.stringify(result) });
}

/** The Worker's API through its real entry (a random client IP per call, so no rate limit is shared). */
export async function api(method: string, path: string, token: string | null, body?: unknown, raw?: BodyInit, contentType?: string) {
  const headers: Record<string, string> = { "CF-Connecting-IP": `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (contentType) headers["Content-Type"] = contentType;
  const response = await exports.default.fetch(new Request(`http://openline.test${path}`, { method, headers, body: body !== undefined ? JSON.stringify(body) : raw }));
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text);
}

/** One consumer invocation over these chunk messages of a job (not on the queue); answers its seconds. */
export async function consumeOnce(jobId: string, userId: string, chunks: ChunkRangeRef[]): Promise<number> {
  const messages = chunks.map((chunk, i) => ({
    id: `bench-${jobId}-${i}`,
    timestamp: new Date(),
    attempts: 1,
    body: { type: "chunk", jobId, userId, run: 0, chunk: chunk.chunk, start: chunk.start, end: chunk.end, firstRow: chunk.firstRow, rowCount: chunk.rowCount } satisfies ChunkMessage,
  }));
  const batch = createMessageBatch("openline-jobs", messages);
  const ctx = createExecutionContext();
  const started = performance.now();
  await worker.queue(batch, env, ctx);
  const seconds = (performance.now() - started) / 1000;
  const result = await getQueueResult(batch, ctx);
  if (result.explicitAcks.length !== messages.length) throw new Error(`only ${result.explicitAcks.length} of ${messages.length} acked`);
  return seconds;
}
