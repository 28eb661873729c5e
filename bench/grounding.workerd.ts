// Runs inside workerd (see grounding.vitest.config.mts); bench/grounding.bench.mjs drives it and prints the figures.
import { env } from "cloudflare:workers";
import { it } from "vitest";
import { GROUNDING_CORPUS, type GroundingEntry } from "../test/fixtures/grounding/corpus";
import { forgetIndexedSources } from "../worker/llm/claims/sources";
import { checkLine, type CheckOptions } from "../worker/llm/checks";
import type { LineContext, ProspectRow } from "../worker/llm/types";
import { countWords } from "../worker/llm/words";

const bench = env as unknown as { BENCH_URL: string; BENCH_REPEATS: string };

async function report(name: string, result: Record<string, unknown>) {
  if (!bench.BENCH_URL) console.log(name, JSON.stringify(result));
  else await fetch(`${bench.BENCH_URL}/results/${name}`, { method: "POST", body: JSON.stringify(result) });
}

/**
 * The job context of an entry. The word range is set around the line's own length, so the length
 * rules never decide: the corpus measures grounding, not word counts.
 */
function caseOf(entry: GroundingEntry): { row: ProspectRow; context: LineContext } {
  const maxWords = Math.min(60, Math.max(8, countWords(entry.line)));
  return { row: { id: "1", fields: entry.fields }, context: { service: entry.service, tone: "friendly", language: entry.language, maxWords } };
}

function measure(options: CheckOptions) {
  const repeats = Number(bench.BENCH_REPEATS);
  const byKind: Record<string, { label: string; kind: string; lines: number; rejected: number }> = {};
  const bySet: Record<string, { set: string; label: string; lines: number; rejected: number }> = {};
  const misjudged: Array<{ label: string; line: string; reason?: string }> = [];
  const cpu: number[] = [];
  const slowest: Array<{ ms: number; line: string }> = [];
  let total = 0;
  let checks = 0;
  for (const entry of GROUNDING_CORPUS) {
    const { row, context } = caseOf(entry);
    const result = checkLine(entry.line, entry.evidence, row, context, options);
    const key = `${entry.label}/${entry.kind}`;
    byKind[key] ??= { label: entry.label, kind: entry.kind, lines: 0, rejected: 0 };
    byKind[key].lines++;
    if (!result.ok) byKind[key].rejected++;
    const setKey = `${entry.set}/${entry.label}`;
    bySet[setKey] ??= { set: entry.set, label: entry.label, lines: 0, rejected: 0 };
    bySet[setKey].lines++;
    if (!result.ok) bySet[setKey].rejected++;
    if (result.ok === (entry.label === "invented")) misjudged.push({ label: entry.label, line: entry.line, ...(result.ok ? {} : { reason: result.reason }) });
    // performance.now() advances during synchronous work in workerd: the loop's time is CPU time.
    // Every repeat starts from unindexed sources, as a row seen for the first time (the service text
    // of a real job would be indexed once and kept).
    // workerd's clock moves in coarse steps: a line is timed over a batch of runs, and its figure is
    // the best of three batches (a garbage collection or a busy neighbour core lands on one of them).
    const batches: number[] = [];
    for (let b = 0; b < 3; b++) {
      const started = performance.now();
      for (let i = 0; i < repeats; i++) {
        forgetIndexedSources();
        checkLine(entry.line, entry.evidence, row, context, options);
      }
      const spent = performance.now() - started;
      total += spent;
      checks += repeats;
      batches.push(spent / repeats);
    }
    const median = Math.min(...batches);
    cpu.push(median);
    slowest.push({ ms: median, line: entry.line });
  }
  cpu.sort((a, b) => a - b);
  return {
    byKind: Object.values(byKind),
    bySet: Object.values(bySet),
    misjudged,
    /** Every run counted, pauses included. */
    cpuMeanMs: total / checks,
    cpuMedianMs: cpu[Math.floor(cpu.length / 2)] ?? 0,
    cpuP99Ms: cpu[Math.floor(cpu.length * 0.99)] ?? 0,
    cpuMaxMs: cpu[cpu.length - 1] ?? 0,
    slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 3),
  };
}

it("grounding benchmark", async () => {
  // Warm up both paths (module init, JIT) before measuring.
  measure({ grounding: "claims" });
  measure({ grounding: "cited" });
  await report("baseline", { lines: GROUNDING_CORPUS.length, ...measure({ grounding: "cited" }) });
  await report("claims", { lines: GROUNDING_CORPUS.length, ...measure({ grounding: "claims" }) });
});
