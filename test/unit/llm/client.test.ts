import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createLlmClient, type LlmClientOptions } from "../../../worker/llm/client";
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
  it("returns the content with token usage", async () => {
    const { call } = await clientFor({});
    const result = await call();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.content).lines[0].id).toBe("1");
    expect(result.usage.requests).toBe(1);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
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
