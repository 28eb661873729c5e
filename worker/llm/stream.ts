import type OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { TokenUsage } from "./types";

/**
 * Reads one streamed chat completion to its end (`stream: true` with the usage in the last chunk),
 * accumulating the content, under two timers: the first token must come within `firstTokenMs`, and
 * then the stream may not go quiet for `stallMs`. The JSON is parsed by the caller once it is whole.
 */
export interface CallFailure {
  status: number | null;
  message: string;
  retryAfterMs: number | null;
}

export type StreamRead =
  | { ok: true; content: string; usage: Omit<TokenUsage, "requests"> }
  /** `stalled`: tokens had started to flow, then stopped (the client retries that only once). */
  | { ok: false; stalled: boolean; failure: CallFailure };

type Usage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  /** DeepSeek's prompt cache. */
  prompt_cache_hit_tokens?: number;
  /** OpenAI's prompt cache. */
  prompt_tokens_details?: { cached_tokens?: number } | null;
} | null | undefined;

/** Token counts with the provider's cache hits, whichever field it reports them in. */
export function usageOf(usage: Usage): Omit<TokenUsage, "requests"> {
  const raw = usage as Usage & Record<string, unknown>;
  return {
    promptTokens: raw?.prompt_tokens ?? 0,
    completionTokens: raw?.completion_tokens ?? 0,
    cachedPromptTokens: raw?.prompt_cache_hit_tokens ?? raw?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

export async function readCompletion(
  openai: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  timeouts: { firstTokenMs: number; stallMs: number },
): Promise<StreamRead> {
  const abort = new AbortController();
  let started = false;
  let timedOut: "first_token" | "stalled" | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, why: "first_token" | "stalled") => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = why;
      abort.abort();
    }, ms);
  };
  arm(timeouts.firstTokenMs, "first_token");
  let content = "";
  let usage: Usage;
  try {
    const stream = await openai.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal: abort.signal },
    );
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        started = true;
        content += delta;
      }
      if (chunk.usage) usage = chunk.usage;
      if (started) arm(timeouts.stallMs, "stalled");
    }
  } catch (error) {
    if (timedOut === null) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (timedOut === "first_token") {
    return { ok: false, stalled: false, failure: { status: null, message: `no first token within ${timeouts.firstTokenMs} ms`, retryAfterMs: null } };
  }
  if (timedOut === "stalled") {
    return { ok: false, stalled: true, failure: { status: null, message: `the stream stopped for ${timeouts.stallMs} ms`, retryAfterMs: null } };
  }
  return { ok: true, content, usage: usageOf(usage) };
}
