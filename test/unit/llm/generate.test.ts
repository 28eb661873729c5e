import { describe, expect, it } from "vitest";
import type { CompletionResult, LlmClient } from "../../../worker/llm/client";
import { generateLines } from "../../../worker/llm/generate";
import { Limiter } from "../../../worker/llm/limiter";
import { emptyUsage, type ChatMessage, type LineContext, type ProspectRow } from "../../../worker/llm/types";

const context: LineContext = { service: "AI bookkeeping for small agencies", tone: "friendly", language: "en", maxWords: 25 };
const rows: ProspectRow[] = Array.from({ length: 7 }, (_, i) => ({ id: String(i + 1), fields: { company: `Company${i + 1}`, title: "CEO" } }));

const goodLine = (id: string) => `As CEO at Company${id}, you know the kind of month-end work that AI bookkeeping for small agencies is built for.`;

function idsIn(messages: ChatMessage[]): string[] {
  const block = /<<<DATA (\w+)>>>\n(\[[\s\S]*?\])\n<<<END DATA/.exec(messages[1]!.content)!;
  return (JSON.parse(block[2]!) as Array<{ id: string }>).map((row) => row.id);
}

/** A scripted client: `answer(ids, attempt)` decides what each call returns. */
function scripted(answer: (ids: string[], call: number, messages: ChatMessage[]) => CompletionResult | string) {
  const calls: string[][] = [];
  let inFlight = 0;
  let peak = 0;
  const client: LlmClient = {
    async complete(messages) {
      const ids = idsIn(messages);
      calls.push(ids);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      const result = answer(ids, calls.length, messages);
      return typeof result === "string"
        ? { ok: true, content: result, usage: { requests: 1, promptTokens: 100, completionTokens: 10 * ids.length, cachedPromptTokens: 0 } }
        : result;
    },
  };
  return { client, calls, peak: () => peak };
}

const linesFor = (ids: string[]) => JSON.stringify({ lines: ids.map((id) => ({ id, line: goodLine(id), evidence: [{ field: "company", value: `Company${id}` }] })) });

describe("generateLines", () => {
  it("asks for rowsPerRequest rows per call, within the in-flight limit, and judges each row", async () => {
    const { client, calls, peak } = scripted(linesFor);
    const usage = emptyUsage();
    const results = await generateLines(rows, { client, limiter: new Limiter(2), context, rowsPerRequest: 3, usage });
    expect(calls).toEqual([["1", "2", "3"], ["4", "5", "6"], ["7"]]);
    expect(peak()).toBe(2);
    expect([...results.values()].every((r) => r.status === "generated")).toBe(true);
    expect(results.get("4")).toMatchObject({ status: "generated", line: goodLine("4"), attempts: 1 });
    expect(usage).toEqual({ requests: 3, promptTokens: 300, completionTokens: 70, cachedPromptTokens: 0 });
  });

  it("regenerates a failing or missing row once on its own, then fails it with the reason", async () => {
    const { client, calls } = scripted((ids, _call, messages) => {
      const feedback = messages[1]!.content.includes("was rejected");
      return JSON.stringify({
        lines: ids
          .filter((id) => id !== "2" || feedback)
          .map((id) => ({ id, line: id === "3" ? "Is this a question?" : id === "1" && !feedback ? "Too short." : goodLine(id), evidence: [] })),
      });
    });
    const outcomes: string[] = [];
    const results = await generateLines(rows.slice(0, 3), {
      client,
      limiter: new Limiter(5),
      context,
      rowsPerRequest: 3,
      usage: emptyUsage(),
      onOutcome: (id, outcome) => outcomes.push(`${id}:${outcome.status}`),
    });
    expect(calls[0]).toEqual(["1", "2", "3"]);
    expect(calls.slice(1).map((ids) => ids.join()).sort()).toEqual(["1", "2", "3"]);
    expect(results.get("1")).toMatchObject({ status: "generated", attempts: 2 });
    expect(results.get("2")).toMatchObject({ status: "generated", attempts: 2 });
    expect(results.get("3")).toMatchObject({ status: "failed", attempts: 2, reason: expect.stringMatching(/^(too_short|question)/) });
    expect(outcomes.sort()).toEqual(["1:generated", "2:generated", "3:failed"]);
  });

  it("regeneration feedback names the kind of invented fact, never its words; a second invention fails the row", async () => {
    const invented = (id: string) => `As CEO at Company${id}, congrats on the Series B you raised with Sequoia, a good moment for AI bookkeeping for small agencies.`;
    const prompts: string[] = [];
    const { client } = scripted((ids, _call, messages) => {
      prompts.push(messages[1]!.content);
      return JSON.stringify({ lines: ids.map((id) => ({ id, line: invented(id), evidence: [{ field: "company", value: `Company${id}` }] })) });
    });
    const results = await generateLines(rows.slice(0, 1), { client, limiter: new Limiter(1), context, rowsPerRequest: 1, usage: emptyUsage() });
    expect(prompts).toHaveLength(2);
    expect(prompts[1]).toMatch(/rejected \(it stated a fact that is not in the data: (a name|an event)\)/);
    expect(prompts[1]).not.toMatch(/Sequoia|Series B|raised/);
    expect(results.get("1")).toMatchObject({ status: "failed", attempts: 2, reason: expect.stringMatching(/^unsupported_claim: (a name|an event)/) });
  });

  it("accepts a fact from an extra source (a researched page) that the row does not hold", async () => {
    const line = (id: string) => `As CEO at Company${id}, founded in 1952, you know the month-end work that AI bookkeeping for small agencies is built for.`;
    const { client } = scripted((ids) => JSON.stringify({ lines: ids.map((id) => ({ id, line: line(id), evidence: [{ field: "website", value: "founded in 1952", url: "https://company.test" }] })) }));
    const run = (extraSources?: (row: ProspectRow) => Array<{ field: string; value: string; url?: string }>) =>
      generateLines(rows.slice(0, 1), { client, limiter: new Limiter(1), context, rowsPerRequest: 1, usage: emptyUsage(), extraSources });
    expect((await run()).get("1")).toMatchObject({ status: "failed" });
    const researched = await run(() => [{ field: "website", value: "The company was founded in 1952.", url: "https://company.test" }]);
    expect(researched.get("1")).toMatchObject({ status: "generated", attempts: 1, evidence: [{ field: "website", url: "https://company.test" }] });
  });

  it("an empty answer costs each of its rows one attempt", async () => {
    const { client, calls } = scripted((ids, call) => (call === 1 ? "" : linesFor(ids)));
    const results = await generateLines(rows.slice(0, 2), { client, limiter: new Limiter(5), context, rowsPerRequest: 2, usage: emptyUsage() });
    expect(calls).toHaveLength(3);
    expect([...results.values()].map((r) => r.status)).toEqual(["generated", "generated"]);
  });

  it("leaves rows pending when the LLM is unavailable, and fails them on a fatal error", async () => {
    const unavailable = scripted(() => ({ ok: false, kind: "unavailable", status: 503, message: "down", retryAfterMs: 7000, usage: { requests: 5, promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 } }));
    const usage = emptyUsage();
    const pending = await generateLines(rows.slice(0, 2), { client: unavailable.client, limiter: new Limiter(5), context, rowsPerRequest: 5, usage });
    expect([...pending.values()]).toEqual([
      { status: "pending", why: "unavailable", retryAfterMs: 7000 },
      { status: "pending", why: "unavailable", retryAfterMs: 7000 },
    ]);
    expect(usage.requests).toBe(5);
    const fatal = scripted(() => ({ ok: false, kind: "fatal", status: 401, message: "bad key", retryAfterMs: null, usage: emptyUsage() }));
    const failed = await generateLines(rows.slice(0, 1), { client: fatal.client, limiter: new Limiter(5), context, rowsPerRequest: 5, usage: emptyUsage() });
    expect(failed.get("1")).toMatchObject({ status: "failed", reason: expect.stringMatching(/^llm_error/) });
  });

  it("asks before every call and stops when told", async () => {
    const { client, calls } = scripted(linesFor);
    let asked = 0;
    const results = await generateLines(rows, {
      client,
      limiter: new Limiter(1),
      context,
      rowsPerRequest: 2,
      usage: emptyUsage(),
      proceed: async () => ++asked <= 2,
    });
    expect(calls).toEqual([["1", "2"], ["3", "4"]]);
    expect(results.get("5")).toEqual({ status: "pending", why: "stopped", retryAfterMs: null });
    expect(results.get("7")).toEqual({ status: "pending", why: "stopped", retryAfterMs: null });
    expect(asked).toBe(4);
  });
});

describe("generateLines with variants", () => {
  const ab: LineContext = { ...context, variants: 3 };
  const ANGLES = ["", "plain", "bold", "calm", "warm"];
  const variantLine = (id: string, n: number) => `As CEO at Company${id}, you know the month-end work that AI bookkeeping for small agencies takes on, seen from a ${ANGLES[n]} angle.`;

  it("checks each variant on its own, asks once more for the failing ones only, and keeps those that pass", async () => {
    const asked: number[] = [];
    const { client, calls } = scripted((ids, _call, messages) => {
      const wanted = Number(/Write (\d+) different lines/.exec(messages[1]!.content)?.[1] ?? 1);
      asked.push(wanted);
      const retry = messages[1]!.content.includes("was rejected");
      // First call: variant 2 asks a question and 3 repeats 1; the retry's first line passes, a second would fail.
      const first = [variantLine(ids[0]!, 1), "Is this a question for Company1?", variantLine(ids[0]!, 1)];
      const lines = retry ? [variantLine(ids[0]!, 4), variantLine(ids[0]!, 1)] : first;
      const evidence = [{ field: "company", value: "Company1" }, { field: "title", value: "CEO" }, { field: "service", value: "AI bookkeeping for small agencies" }];
      const entry = wanted > 1 ? { id: ids[0], variants: lines.map((line) => ({ line, evidence })) } : { id: ids[0], line: lines[0], evidence };
      return JSON.stringify({ lines: [entry] });
    });
    const results = await generateLines([rows[0]!], { client, limiter: new Limiter(1), context: ab, rowsPerRequest: 1, usage: emptyUsage() });
    expect(calls).toEqual([["1"], ["1"]]);
    expect(asked).toEqual([3, 2]);
    const outcome = results.get("1");
    expect(outcome).toMatchObject({ status: "generated", line: variantLine("1", 1), attempts: 2 });
    expect(outcome?.status === "generated" && outcome.variants?.map((v) => v.line)).toEqual([variantLine("1", 1), variantLine("1", 4)]);
  });

  it("fails a row only when none of its variants passes", async () => {
    const { client } = scripted((ids) => JSON.stringify({ lines: [{ id: ids[0], variants: [{ line: "Short.", evidence: [] }, { line: "Too short.", evidence: [] }] }] }));
    const results = await generateLines([rows[0]!], { client, limiter: new Limiter(1), context: { ...context, variants: 2 }, rowsPerRequest: 1, usage: emptyUsage() });
    expect(results.get("1")).toMatchObject({ status: "failed", attempts: 2 });
    expect((results.get("1") as { reason: string }).reason).toMatch(/^too_short/);
  });
});
