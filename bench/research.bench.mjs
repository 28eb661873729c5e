// Research benchmark (issue #13): runs bench/research.workerd.ts inside workerd (vitest + the Cloudflare
// plugin, bench/research.vitest.config.mts) against the fake LLM at 200 ms a call and fake company sites
// at 300 ms a request, then prints rows/s of one consumer invocation over a 1,000-row job of 300
// domains: research off, on with a cold cache, on with a warm one (median of 3 each). Targets: warm
// ≥ 90 % of off; cold bounded by fetch latency (its fetches take the invocation's six header slots, shared
// with the LLM calls). BENCH_LLM_LATENCY_MS and BENCH_SITE_LATENCY_MS change the latencies.
import { mkdirSync, writeFileSync } from "node:fs";
import { runWorkerdBench, startResultsServer } from "./results-server.mjs";

const { results, url, close } = await startResultsServer();
const code = await runWorkerdBench("bench/research.vitest.config.mts", url);
close();
const r = results.research;
if (code !== 0 || !r) {
  console.error(`research benchmark failed (exit ${code})`);
  process.exit(1);
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [
  `${fmt(r.rows)} rows over ${r.domains} domains in one consumer invocation (${r.off.chunks} chunks, ${r.inFlight} calls in flight and ${r.headerSlots} header slots, both shared by LLM calls and site fetches); fake LLM ${r.llmLatencyMs} ms a call, fake sites ${r.siteLatencyMs} ms a request; median of 3.`,
  "research | rows/s | seconds | site requests | vs off | runs (rows/s)",
  ["off", fmt(r.off.rowsPerSecond), fmt(r.off.seconds, 2), "0", "100%", r.off.all.join(", ")].join(" | "),
  ["warm cache", fmt(r.warm.rowsPerSecond), fmt(r.warm.seconds, 2), fmt(r.warm.siteRequests), `${fmt(r.warm.ofOff * 100, 1)}% (target ≥ 90%)`, r.warm.all.join(", ")].join(" | "),
  ["cold cache", fmt(r.cold.rowsPerSecond), fmt(r.cold.seconds, 2), fmt(r.cold.siteRequests), `${fmt((r.cold.rowsPerSecond / r.off.rowsPerSecond) * 100, 1)}%`, r.cold.all.join(", ")].join(" | "),
  `Cold bound: ${r.domains} domains × 3 requests × ${r.siteLatencyMs} ms ÷ ${r.headerSlots} header slots = ${fmt(r.cold.fetchBoundSeconds, 1)} s of fetching, + ${fmt(r.off.seconds, 1)} s of lines = ${fmt(r.cold.boundSeconds, 1)} s; measured ${fmt(r.cold.seconds, 1)} s (${fmt((r.cold.boundSeconds / r.cold.seconds) * 100, 1)}% of the bound's speed).`,
];
console.log(`\n--- Research benchmark ---\n${lines.join("\n")}`);
mkdirSync("bench/data", { recursive: true });
writeFileSync("bench/data/research-results.json", JSON.stringify(results, null, 2));
