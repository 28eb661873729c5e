import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ConnectionBudget } from "../../../worker/lib/connections";
import { createLlmClient } from "../../../worker/llm/client";
import { createScenario, scenarioStats } from "../../api/jobs/fixtures";

describe("ConnectionBudget (six connections waiting for headers per invocation)", () => {
  it("holds a header slot only until the headers arrive, so streamed calls can outnumber the slots", async () => {
    // The fake enforces two header slots per invocation on its side and counts who had to queue.
    const scenario = await createScenario({ ttftMs: 60, generationMsPerRow: 300, headerSlots: 2 });
    const budget = new ConnectionBudget({ streams: 8, headerSlots: 2 });
    const client = createLlmClient({
      baseUrl: env.LLM_BASE_URL, apiKey: "t", model: "m", timeoutMs: 5000, maxAttempts: 1, backoff: { baseMs: 1, capMs: 1 }, maxInlineWaitMs: 1,
      fetch: budget.fetch, headers: { "X-Openline-Invocation": budget.id },
    });
    const messages = [{ role: "user" as const, content: `<<<DATA abcdef>>>\n{"service":"${scenario}"}\n<<<END DATA abcdef>>>\n<<<DATA abcdef>>>\n[{"id":"1","fields":{"company":"Acme"}}]\n<<<END DATA abcdef>>>` }];
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 8 }, () => budget.streams.run(() => client.complete(messages, { maxTokens: 100 }))));
    const elapsed = Date.now() - started;
    expect(results.every((r) => r.ok)).toBe(true);
    const stats = await scenarioStats(scenario);
    // Our budget kept within the cap, so the fake never had to queue one...
    expect(budget.peakWaitingForHeaders).toBe(2);
    expect(stats.maxWaitingForHeaders).toBeLessThanOrEqual(2);
    expect(stats.queuedForHeaders).toBe(0);
    // ...and 8 streams overlapped: 4 waves of header waits (~60 ms each) plus one generation (~360 ms), not 4 × 360 ms.
    expect(stats.maxInFlight).toBeGreaterThan(2);
    expect(elapsed).toBeLessThan(4 * 360);
  });

  it("runs binding calls under a slot and frees it when they throw", async () => {
    const budget = new ConnectionBudget({ streams: 1, headerSlots: 1 });
    await expect(budget.run(async () => Promise.reject(new Error("r2 down")))).rejects.toThrow("r2 down");
    expect(await budget.run(async () => "next")).toBe("next");
    expect(budget.headers.inFlight).toBe(0);
  });
});
