// Jobs benchmark (issue #4): runs bench/jobs.workerd.ts inside workerd (vitest + the Cloudflare plugin,
// bench/jobs.vitest.config.mts) against the fake LLM at 200 ms per call, then prints the figures:
// rows/s of one queue-consumer invocation against the ideal (in-flight limit ÷ latency) for
// rowsPerRequest 1, 5 and 10, tokens per row for each, and a 10,000-row job end to end beside the seed
// design's baseline (one request per row, ten workers). BENCH_LLM_LATENCY_MS and BENCH_E2E_ROWS change
// the latency and the job size.
import { mkdirSync, writeFileSync } from "node:fs";
import { runInWorkerd } from "./workerd-run.mjs";

const { code, results } = await runInWorkerd("bench/jobs.vitest.config.mts");
if (code !== 0 || !results["invocation-rpr10"]) {
  console.error(`jobs benchmark failed (exit ${code})`);
  process.exit(1);
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [];
const one = results["invocation-rpr1"];
lines.push(`Fake LLM at ${fmt(one.latencyMs)} ms per call; one consumer invocation = ${one.batch} chunk messages of ${one.rows / one.batch} rows, at most ${one.inFlight} LLM calls in flight (median of 3).`);
lines.push("rowsPerRequest | rows/s | ideal rows/s | of ideal | call latency seen | of ideal at that latency | LLM calls | tokens/row (prompt + completion) | vs 1 row/call");
for (const rpr of [1, 5, 10]) {
  const r = results[`invocation-rpr${rpr}`];
  lines.push(
    [
      String(rpr).padStart(14),
      fmt(r.rowsPerSecond).padStart(6),
      fmt(r.idealRowsPerSecond).padStart(12),
      `${fmt(r.ofIdeal * 100, 1)}%`.padStart(8),
      `${fmt(r.observedCallMs)} ms`.padStart(17),
      `${fmt(r.ofIdealAtObservedLatency * 100, 1)}%`.padStart(24),
      String(r.requests).padStart(9),
      `${fmt(r.tokensPerRow, 1)} (${fmt(r.promptPerRow, 1)} + ${fmt(r.completionPerRow, 1)})`,
      `${fmt((r.tokensPerRow / one.tokensPerRow) * 100, 1)}%`,
    ].join(" | "),
  );
}
const e2e = results.e2e;
if (e2e) lines.push(
  `End to end, ${fmt(e2e.rows)} rows (rowsPerRequest ${e2e.rowsPerRequest}, real local queue): ${fmt(e2e.seconds, 1)} s = ${fmt(e2e.rowsPerSecond)} rows/s, ${e2e.status}, ${fmt(e2e.creditsCharged)} credits charged, ${fmt(e2e.requests)} LLM calls, ${fmt(e2e.tokensPerRow, 1)} tokens/row.`,
);
if (e2e) lines.push(
  `Seed baseline (one request per row, ten workers) at the same latency: ${fmt(e2e.baselineSeconds, 1)} s = ${fmt(e2e.baselineRowsPerSecond)} rows/s → ${fmt(e2e.baselineSeconds / e2e.seconds, 1)}× faster.`,
);
console.log(`\n--- Jobs benchmark ---\n${lines.join("\n")}`);
mkdirSync("bench/data", { recursive: true });
writeFileSync("bench/data/jobs-results.json", JSON.stringify(results, null, 2));
