// Jobs benchmark (issues #4, #17): runs bench/jobs.workerd.ts inside workerd (vitest + the Cloudflare
// plugin, bench/jobs.vitest.config.mts) against the fake LLM modelled on a real one (first token after
// BENCH_TTFT_MS = 400 ms, then BENCH_GEN_MS_PER_ROW = 400 ms per prospect; headers of a whole answer
// only when it is complete) with Workers' six connections waiting for headers per invocation enforced
// by the fake. Prints rows/s of one queue-consumer invocation against its ideal (in flight ÷ call time)
// streamed and, as the baseline, with whole answers capped at six; tokens per row, the share the
// provider's prompt cache served, cost per 1,000 lines at DeepSeek's list prices beside the seed design
// (one row per request), and a whole job end to end (BENCH_E2E_ROWS, 0 skips it).
import { mkdirSync, writeFileSync } from "node:fs";
import { costPer1000Lines, DEEPSEEK_OFF_PEAK_PRICES, DEEPSEEK_PRICES } from "./llm-prices.mjs";
import { runWorkerdBench, startResultsServer } from "./results-server.mjs";

const { results, url, close } = await startResultsServer();
const code = await runWorkerdBench("bench/jobs.vitest.config.mts", url);
close();
if (code !== 0 || !results.summary) {
  console.error(`jobs benchmark failed (exit ${code})`);
  process.exit(1);
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (n) => `${fmt(n * 100, 1)}%`;
const lines = [];
const main = results["invocation-rpr5"];
lines.push(`Fake LLM: ${fmt(main.callMs)} ms a 5-row call (first token + generation); one invocation = ${main.chunks} chunk messages of 100 rows; six header slots per invocation enforced by the fake; median of ${main.allRowsPerSecond.length}.`);
lines.push("case | rows/call | in flight | call | rows/s | ideal | of ideal | max in flight seen | waiting for headers (max, queued) | tokens/row (prompt + completion) | cached prompt");
for (const [name, label] of [["invocation-rpr5", "streamed"], ["baseline-rpr5", "whole answers (baseline)"], ["invocation-rpr10", "streamed"], ["seed-rpr1", "streamed, seed's 1 row/call"]]) {
  const r = results[name];
  lines.push(
    [
      label.padEnd(27),
      String(r.rowsPerRequest).padStart(2),
      String(r.inFlight).padStart(3),
      `${fmt(r.callMs)} ms`,
      fmt(r.rowsPerSecond, 1).padStart(6),
      fmt(r.idealRowsPerSecond, 1).padStart(6),
      pct(r.ofIdeal).padStart(6),
      String(r.maxInFlight).padStart(3),
      `${r.maxWaitingForHeaders}, ${r.queuedForHeaders}`,
      `${fmt(r.tokensPerRow, 1)} (${fmt(r.promptPerRow, 1)} + ${fmt(r.completionPerRow, 1)})`,
      pct(r.cachedPromptPerRow / r.promptPerRow),
    ].join(" | "),
  );
}
const summary = results.summary;
lines.push(`Streamed vs whole answers at 5 rows/call: ${fmt(summary.speedup, 2)}× the rows/s. Fixed prefix (system + service) of a 5-row prompt: ${pct(summary.prefixShare)} of its characters.`);
const seed = results["seed-rpr1"];
const p = DEEPSEEK_PRICES;
lines.push(`Cost per 1,000 lines at DeepSeek list prices (${p.model}, as of ${p.asOf}: $${p.inputCacheHitPerMillion} cache hit / $${p.inputCacheMissPerMillion} miss / $${p.outputPerMillion} output per M tokens):`);
lines.push(`  Openline, 5 rows/call, cache hits as measured: $${fmt(costPer1000Lines({ promptPerRow: main.promptPerRow, cachedPerRow: main.cachedPromptPerRow, completionPerRow: main.completionPerRow }), 4)}`);
lines.push(`  Openline, 5 rows/call, no cache hits:        $${fmt(costPer1000Lines({ promptPerRow: main.promptPerRow, completionPerRow: main.completionPerRow }), 4)}`);
lines.push(`  Openline, 5 rows/call, cache hits, off-peak: $${fmt(costPer1000Lines({ promptPerRow: main.promptPerRow, cachedPerRow: main.cachedPromptPerRow, completionPerRow: main.completionPerRow }, DEEPSEEK_OFF_PEAK_PRICES), 4)}`);
lines.push(`  seed design, 1 row/request, no cache hits:   $${fmt(costPer1000Lines({ promptPerRow: seed.promptPerRow, completionPerRow: seed.completionPerRow }), 4)}`);
const e2e = results.e2e;
if (e2e) lines.push(
  `End to end, ${fmt(e2e.rows)} rows (rowsPerRequest ${e2e.rowsPerRequest}, real local queue): ${fmt(e2e.seconds, 1)} s = ${fmt(e2e.rowsPerSecond)} rows/s, ${e2e.status}, ${fmt(e2e.creditsCharged)} credits charged, ${fmt(e2e.requests)} LLM calls, ${fmt(e2e.tokensPerRow, 1)} tokens/row.`,
);
if (e2e) lines.push(
  `Seed baseline (one request per row, ten workers) at the same model timing: ${fmt(e2e.baselineSeconds, 1)} s = ${fmt(e2e.baselineRowsPerSecond)} rows/s → ${fmt(e2e.baselineSeconds / e2e.seconds, 1)}× faster.`,
);
console.log(`\n--- Jobs benchmark ---\n${lines.join("\n")}`);
mkdirSync("bench/data", { recursive: true });
writeFileSync("bench/data/jobs-results.json", JSON.stringify(results, null, 2));
