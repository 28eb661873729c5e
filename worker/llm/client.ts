import OpenAI from "openai";
import type { Config } from "../config";
import { delayFor, retryAfterMs, type BackoffPolicy } from "./backoff";
import { readCompletion, usageOf, type CallFailure } from "./stream";
import { emptyUsage, type ChatMessage, type TokenUsage } from "./types";

/**
 * One chat completion against any OpenAI-compatible endpoint (DeepSeek by default), through the
 * `openai` client with its own retries off: we retry 429, 5xx, timeouts and dropped connections here,
 * with exponential backoff and jitter, honouring Retry-After. Other 4xx are not retried.
 *
 * Answers are streamed by default (ADR 065): the response headers come with the first token, so the
 * invocation's header slot (worker/lib/connections.ts) is free after the time to first token instead
 * of the whole generation. No first token within `timeoutMs` is retried like any timeout; a stream
 * that stops for `stallTimeoutMs` is retried once, then its rows fail (`stalled`).
 */
export type CompletionResult =
  | { ok: true; content: string; usage: TokenUsage }
  | {
      ok: false;
      /** `unavailable`: transient and retries ran out (try again later); `fatal`: retrying will not help. */
      kind: "unavailable" | "fatal";
      status: number | null;
      message: string;
      /** The server asked us to wait this long (beyond what we wait inline). */
      retryAfterMs: number | null;
      usage: TokenUsage;
    };

export interface LlmClient {
  complete(messages: ChatMessage[], options: { maxTokens: number }): Promise<CompletionResult>;
}

export interface LlmClientOptions {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  /** No first token (or, not streamed, no answer) within this: the attempt is retried. */
  timeoutMs: number;
  /** A stream with no data for this long is stalled: retried once, then the call fails. */
  stallTimeoutMs?: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Longest Retry-After we wait inline; longer ones end the call as `unavailable`. */
  maxInlineWaitMs: number;
  /** Sent as `thinking: {type}` (DeepSeek's switch); absent: not sent. */
  thinking?: "disabled" | "enabled";
  /** false: one JSON answer per call (the benchmark's baseline). Default true. */
  stream?: boolean;
  /** The invocation's connection budget's fetch (header slots); the global fetch otherwise. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Extra request headers (the invocation tag). */
  headers?: Record<string, string>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function llmOptionsFromConfig(config: Config): LlmClientOptions {
  return {
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    stallTimeoutMs: config.LLM_STALL_TIMEOUT_MS,
    maxAttempts: config.LLM_MAX_ATTEMPTS,
    backoff: { baseMs: config.LLM_RETRY_BASE_MS, capMs: 20_000 },
    maxInlineWaitMs: 30_000,
    stream: config.LLM_STREAM,
    thinking: thinkingFor(config),
  };
}

/** DeepSeek's API is the one that knows `thinking`; `auto` turns thinking off there and sends nothing elsewhere. */
export function thinkingFor(config: Pick<Config, "LLM_THINKING" | "LLM_BASE_URL">): LlmClientOptions["thinking"] {
  if (config.LLM_THINKING !== "auto") return config.LLM_THINKING;
  return new URL(config.LLM_BASE_URL).hostname === "api.deepseek.com" ? "disabled" : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Stalled streams are retried this many times before the call fails. */
const STALL_RETRIES = 1;

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const openai = new OpenAI({
    baseURL: options.baseUrl,
    // The local sample model needs no key; the SDK insists on one.
    apiKey: options.apiKey || "no-key",
    maxRetries: 0,
    timeout: options.timeoutMs,
    defaultHeaders: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const stream = options.stream ?? true;
  const timeouts = { firstTokenMs: options.timeoutMs, stallMs: options.stallTimeoutMs ?? 30_000 };

  return {
    async complete(messages, { maxTokens }) {
      const usage = emptyUsage();
      let last: CallFailure = { status: null, message: "not called", retryAfterMs: null };
      let stalls = 0;
      for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
        usage.requests++;
        const body = {
          model: options.model,
          messages,
          temperature: 0.7,
          max_tokens: maxTokens,
          response_format: { type: "json_object" as const },
          ...(options.thinking && { thinking: { type: options.thinking } }),
        };
        try {
          if (stream) {
            const read = await readCompletion(openai, body, timeouts);
            if (read.ok) {
              addInto(usage, read.usage);
              return { ok: true, content: read.content, usage };
            }
            last = read.failure;
            if (read.stalled && ++stalls > STALL_RETRIES) {
              return { ok: false, kind: "fatal", ...last, message: `stalled: ${last.message}`, usage };
            }
          } else {
            const completion = await openai.chat.completions.create(body);
            addInto(usage, usageOf(completion.usage));
            return { ok: true, content: completion.choices[0]?.message?.content ?? "", usage };
          }
        } catch (error) {
          if (error instanceof OpenAI.APIConnectionError) {
            // Timeouts (APIConnectionTimeoutError) and dropped connections: transient.
            last = { status: null, message: error.message, retryAfterMs: null };
          } else if (error instanceof OpenAI.APIError && typeof error.status === "number") {
            const serverWait = retryAfterMs(error.headers as Headers | undefined);
            last = { status: error.status, message: error.message, retryAfterMs: serverWait };
            if (!isRetryableStatus(error.status)) {
              return { ok: false, kind: "fatal", ...last, usage };
            }
            if (serverWait !== null && serverWait > options.maxInlineWaitMs) {
              return { ok: false, kind: "unavailable", ...last, usage };
            }
          } else {
            throw error;
          }
        }
        if (attempt < options.maxAttempts) await wait(delayFor(attempt, options.backoff, last.retryAfterMs, random));
      }
      return { ok: false, kind: "unavailable", ...last, usage };
    },
  };
}

function addInto(into: TokenUsage, from: Omit<TokenUsage, "requests">): void {
  into.promptTokens += from.promptTokens;
  into.completionTokens += from.completionTokens;
  into.cachedPromptTokens += from.cachedPromptTokens;
}
