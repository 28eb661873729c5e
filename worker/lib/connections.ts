import { Limiter } from "../llm/limiter";
import { randomHex } from "./ids";

/**
 * One invocation's outbound connections (ADR 065). Deployed Workers let an invocation have at most
 * six connections waiting for response headers; a seventh is queued by the runtime until one of them
 * gets its headers. `wrangler dev` does not enforce this, so we do: every outbound fetch (LLM calls,
 * research fetches, webhook deliveries) and every binding call that opens a connection (R2, Queues
 * send; D1 and Durable Object calls do not count, per Cloudflare's limits page) goes through one
 * budget object per invocation and holds a header slot only until its headers arrive.
 *
 * A streamed LLM answer frees its header slot at its first token; how many streams may then run at
 * once is a separate limit (`streams`, LLM_CONCURRENCY), held by the LLM caller for the whole call.
 */
export const HEADER_SLOTS = 6;

export class ConnectionBudget {
  /** Calls waiting for their response headers (the platform's cap). */
  readonly headers: Limiter;
  /** LLM calls in flight, streaming or waiting (LLM_CONCURRENCY). */
  readonly streams: Limiter;
  /** Sent with LLM calls (`X-Openline-Invocation`), so logs and the benchmark's fake can group them. */
  readonly id = randomHex(6);
  private peak = 0;

  constructor(options: { streams: number; headerSlots?: number }) {
    this.headers = new Limiter(options.headerSlots ?? HEADER_SLOTS);
    this.streams = new Limiter(options.streams);
  }

  /** `fetch` through a header slot: the slot is free as soon as the response's headers are in. */
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    this.run(() => globalThis.fetch(input, init));

  /** A binding call that opens a connection (R2 get/put, queue send): one header slot while it runs. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.headers.run(() => {
      this.peak = Math.max(this.peak, this.headers.inFlight);
      return task();
    });
  }

  /** Most header slots in use at once so far (logged per invocation). */
  get peakWaitingForHeaders(): number {
    return this.peak;
  }
}
