import { describe, expect, it } from "vitest";
import { buildMessages, cacheablePrefixChars, fenceFor } from "../../../worker/llm/prompt";
import type { LineContext } from "../../../worker/llm/types";

const context: LineContext = { service: "AI bookkeeping for small agencies", tone: "friendly", language: "en", maxWords: 25 };
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: String(from + i), fields: { company: `Company ${from + i}`, title: "CEO" } }));

describe("cacheable prompt prefix", () => {
  it("every call of a job starts with the same bytes: system message and the service block", () => {
    const fence = fenceFor("job_abc123");
    const a = buildMessages(rows(1, 5), context, { fence });
    const b = buildMessages(rows(6, 3), context, { fence, feedback: "it was too long" });
    const prefix = cacheablePrefixChars(a);
    expect(cacheablePrefixChars(b)).toBe(prefix);
    const text = (m: typeof a) => m.map((x) => x.content).join("");
    expect(text(a).slice(0, prefix)).toBe(text(b).slice(0, prefix));
    expect(text(a).slice(0, prefix)).toContain("AI bookkeeping for small agencies");
    expect(text(a).slice(0, prefix)).not.toContain("Company 1");
    // At five rows a call, most of the prompt is the shared prefix.
    expect(prefix / text(a).length).toBeGreaterThan(0.6);
  });

  it("the fence is per job: stable for one job id, different for another, hex only", () => {
    expect(fenceFor("job_abc123")).toBe(fenceFor("job_abc123"));
    expect(fenceFor("job_abc124")).not.toBe(fenceFor("job_abc123"));
    expect(fenceFor("job_abc123")).toMatch(/^[0-9a-f]{12}$/);
  });
});
