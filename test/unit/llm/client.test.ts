import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getConfig } from "../../../worker/parse-config";
import { createLlmClient, llmOptionsFromConfig, type LlmClientOptions } from "../../../worker/llm/client";
import { createScenario, scenarioStats, type ScenarioConfig } from "../../api/jobs/fixtures";

/** A client against the fake LLM, recording its waits instead of sleeping them. */
async function clientFor(config: ScenarioConfig, options: Partial<LlmClientOptions> = {}) {
  const scenario = await createScenario(config);
  const waits: number[] = [];
  const client = createLlmClient({
    baseUrl: env.LLM_BASE_URL,
    apiKey: "test",
    model: "fake",
    timeoutMs: 2000,
    maxAttempts: 4,
    backoff: { baseMs: 100, capMs: 1000 },
    maxInlineWaitMs: 30_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  const messages = [
    { role: "system" as const, content: "rules" },
    { role: "user" as const, content: `<<<DATA abcdef>>>\n{"service":"x ${scenario}"}\n<<<END DATA abcdef>>>\n<<<DATA abcdef>>>\n[{"id":"1","fields":{"company":"Acme"}}]\n<<<END DATA abcdef>>>` },
  ];
  return { client, waits, scenario, call: () => client.complete(messages, { maxTokens: 200 }) };
}

describe("the LLM client (openai SDK against an OpenAI-compatible server)", () => {
  it("turns DeepSeek's thinking off on DeepSeek's API, and sends no such field elsewhere unless told", async () => {
    const thinkingOf = (vars: Record<string, string>) => llmOptionsFromConfig(getConfig({ ...env, ...vars } as Env)).thinking;
    expect(getConfig(env).LLM_MODEL).toBe("deepseek-flash");
    expect(thinkingOf({ LLM_BASE_URL: "https://api.deepseek.com" })).toBe("disabled");
    expect(thinkingOf({ LLM_BASE_URL: "https://api.deepseek.com/v1" })).toBe("disabled");
    expect(thinkingOf({ LLM_BASE_URL: "https://api.openai.com/v1" })).toBeUndefined();
    expect(thinkingOf({ LLM_BASE_URL: "https://api.openai.com/v1", LLM_THINKING: "disabled" })).toBe("disabled");
    expect(thinkingOf({ LLM_BASE_URL: "https://api.deepseek.com", LLM_THINKING: "enabled" })).toBe("enabled");

    // What goes over the wire to the (fake) model: the switch when set, nothing when not.
    const sent: Array<Record<string, unknown>> = [];
    const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    for (const thinking of ["disabled", undefined] as const) {
      const { call } = await clientFor({}, { thinking, fetch: recording });
      expect((await call()).ok).toBe(true);
    }
    expect(sent[0]).toMatchObject({ thinking: { type: "disabled" }, stream: true });
    expect(sent[1]).not.toHaveProperty("thinking");
  });

  it("streams the answer, accumulates it, and reads the usage with the provider's cache hits", async () => {
    const { call, scenario } = await clientFor({ ttftMs: 20, generationMsPerRow: 40 });
    const first = await call();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(JSON.parse(first.content).lines[0].id).toBe("1");
    expect(first.usage).toMatchObject({ requests: 1, cachedPromptTokens: 0 });
    expect(first.usage.promptTokens).toBeGreaterThan(0);
    expect(first.usage.completionTokens).toBeGreaterThan(0);
    const stats = await scenarioStats(scenario);
    expect(stats.streamed).toBe(1);
    expect(stats.answered).toBe(1);
  });

  it("reads DeepSeek's prompt_cache_hit_tokens into cachedPromptTokens", async () => {
    // A long shared prefix, so the fake's cache (64-token units of a prefix seen before) hits.
    const scenario = await createScenario({});
    const client = createLlmClient({ baseUrl: env.LLM_BASE_URL, apiKey: "t", model: "m", timeoutMs: 2000, maxAttempts: 1, backoff: { baseMs: 1, capMs: 1 }, maxInlineWaitMs: 1 });
    const messages = [
      { role: "system" as const, content: "rules ".repeat(200) },
      { role: "user" as const, content: `<<<DATA abcdef>>>\n{"service":"x ${scenario}"}\n<<<END DATA abcdef>>>\n<<<DATA abcdef>>>\n[{"id":"1","fields":{"company":"Acme"}}]\n<<<END DATA abcdef>>>` },
    ];
    await client.complete(messages, { maxTokens: 100 });
    const second = await client.complete(messages, { maxTokens: 100 });
    expect(second.ok && second.usage.cachedPromptTokens).toBeGreaterThanOrEqual(256);
    expect((await scenarioStats(scenario)).cachedPromptTokens).toBe(second.usage.cachedPromptTokens);
  });

  it("asks for whole answers when streaming is off", async () => {
    const { client, scenario } = await clientFor({}, { stream: false });
    const result = await client.complete([{ role: "user", content: `<<<DATA abcdef>>>\n{"service":"${scenario}"}\n<<<END DATA abcdef>>>` }], { maxTokens: 50 });
    expect(result.ok).toBe(true);
    const stats = await scenarioStats(scenario);
    expect(stats.answered).toBe(1);
    expect(stats.streamed).toBe(0);
  });

  it("retries a stream that stalls once, then fails the call (no endless retries of a stuck stream)", async () => {
    const { call, scenario } = await clientFor({ stall: 1 }, { stallTimeoutMs: 150, timeoutMs: 2000, maxAttempts: 5 });
    const result = await call();
    expect(result).toMatchObject({ ok: false, kind: "fatal", status: null, message: expect.stringMatching(/^stalled/) });
    expect(result.usage.requests).toBe(2);
    expect((await scenarioStats(scenario)).faults.stall).toBe(2);
  });

  it("a stall followed by a good stream succeeds", async () => {
    const { call } = await clientFor({ failFirst: { kind: "stall", count: 1 } }, { stallTimeoutMs: 150 });
    const result = await call();
    expect(result.ok).toBe(true);
    expect(result.usage.requests).toBe(2);
  });

  it("retries 500s with exponential backoff", async () => {
    const { call, waits, scenario } = await clientFor({ failFirst: { kind: "error500", count: 2 } });
    const result = await call();
    expect(result.ok).toBe(true);
    expect(result.usage.requests).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect((await scenarioStats(scenario)).faults.error500).toBe(2);
  });

  it("waits what a 429's Retry-After says", async () => {
    const { call, waits } = await clientFor({ failFirst: { kind: "error429", count: 1 }, retryAfterSeconds: 2 });
    expect((await call()).ok).toBe(true);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThan(2300);
  });

  it("gives up at once on a Retry-After longer than it waits inline", async () => {
    const { call, waits } = await clientFor({ error429: 1, retryAfterSeconds: 120 });
    const result = await call();
    expect(result).toMatchObject({ ok: false, kind: "unavailable", status: 429, retryAfterMs: 120_000 });
    expect(waits).toEqual([]);
  });

  it("retries a timeout, and reports `unavailable` when every attempt fails", async () => {
    const { call, scenario } = await clientFor({ timeout: 1 }, { timeoutMs: 200, maxAttempts: 2 });
    const result = await call();
    expect(result).toMatchObject({ ok: false, kind: "unavailable", status: null });
    expect(result.usage.requests).toBe(2);
    expect((await scenarioStats(scenario)).faults.timeout).toBe(2);
  });

  it("does not retry a 4xx that retrying cannot fix", async () => {
    // The fake answers 404 under an unknown path, like a wrong LLM_BASE_URL would.
    const broken = createLlmClient({
      baseUrl: `${env.LLM_BASE_URL}/missing`,
      apiKey: "k",
      model: "m",
      timeoutMs: 1000,
      maxAttempts: 4,
      backoff: { baseMs: 1, capMs: 1 },
      maxInlineWaitMs: 1000,
    });
    const result = await broken.complete([{ role: "user", content: "x" }], { maxTokens: 10 });
    expect(result).toMatchObject({ ok: false, kind: "fatal", status: 404 });
    expect(result.usage.requests).toBe(1);
  });
});
