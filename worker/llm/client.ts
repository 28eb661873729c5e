import OpenAI from "openai";
import type { Config } from "../config";
import { delayFor, retryAfterMs, type BackoffPolicy } from "./backoff";
import type { ChatMessage, TokenUsage } from "./types";

/**
 * One chat completion against any OpenAI-compatible endpoint (DeepSeek by default), through the
 * `openai` client with its own retries off: we retry 429, 5xx, timeouts and dropped connections here,
 * with exponential backoff and jitter, honouring Retry-After. Other 4xx are not retried.
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
  timeoutMs: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Longest Retry-After we wait inline; longer ones end the call as `unavailable`. */
  maxInlineWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function llmOptionsFromConfig(config: Config): LlmClientOptions {
  return {
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxAttempts: config.LLM_MAX_ATTEMPTS,
    backoff: { baseMs: config.LLM_RETRY_BASE_MS, capMs: 20_000 },
    maxInlineWaitMs: 30_000,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const openai = new OpenAI({
    baseURL: options.baseUrl,
    // The local sample model needs no key; the SDK insists on one.
    apiKey: options.apiKey || "no-key",
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;

  return {
    async complete(messages, { maxTokens }) {
      const usage: TokenUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };
      let last: { status: number | null; message: string; retryAfterMs: number | null } = {
        status: null,
        message: "not called",
        retryAfterMs: null,
      };
      for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
        usage.requests++;
        try {
          const completion = await openai.chat.completions.create({
            model: options.model,
            messages,
            temperature: 0.7,
            max_tokens: maxTokens,
            response_format: { type: "json_object" },
          });
          usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
          usage.completionTokens += completion.usage?.completion_tokens ?? 0;
          return { ok: true, content: completion.choices[0]?.message?.content ?? "", usage };
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
          if (attempt < options.maxAttempts) await wait(delayFor(attempt, options.backoff, last.retryAfterMs, random));
        }
      }
      return { ok: false, kind: "unavailable", ...last, usage };
    },
  };
}
