// Grounding benchmark (issue #12): runs bench/grounding.workerd.ts inside workerd (vitest + the Cloudflare
// plugin, bench/grounding.vitest.config.mts) over the hand-written corpus in test/fixtures/grounding/,
// then prints, per claim kind, how many invented lines the checks reject (recall) and how many grounded
// lines they wrongly reject, with the CPU time per line — for the claim checker and, measured in the
// same run, the baseline (the checks before it: cited evidence and digits only). BENCH_REPEATS sets
// how often each line is checked per timed batch (default 100, best of three batches); BENCH_VERBOSE=1 lists misjudged lines.
import { mkdirSync, writeFileSync } from "node:fs";
import { runWorkerdBench, startResultsServer } from "./results-server.mjs";

const { results, url, close } = await startResultsServer();
const code = await runWorkerdBench("bench/grounding.vitest.config.mts", url);
close();
if (code !== 0 || !results.claims || !results.baseline) {
  console.error(`grounding benchmark failed (exit ${code})`);
  process.exit(1);
}

const pct = (part, whole) => (whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`);
const totals = (run, label) => run.byKind.filter((k) => k.label === label).reduce((t, k) => ({ lines: t.lines + k.lines, rejected: t.rejected + k.rejected }), { lines: 0, rejected: 0 });
const kinds = [...new Set(results.claims.byKind.map((k) => k.kind))].sort();
const cell = (run, label, kind) => {
  const k = run.byKind.find((entry) => entry.label === label && entry.kind === kind);
  return k ? `${pct(k.rejected, k.lines)} (${k.rejected}/${k.lines})` : "–";
};

const lines = [];
lines.push(`${results.claims.lines} hand-written lines (test/fixtures/grounding/), checked by checkLine inside workerd.`);
lines.push("kind        | invented rejected: claims | baseline      | grounded rejected: claims | baseline");
for (const kind of kinds) {
  lines.push([kind.padEnd(11), cell(results.claims, "invented", kind).padStart(26), cell(results.baseline, "invented", kind).padStart(13), cell(results.claims, "grounded", kind).padStart(26), cell(results.baseline, "grounded", kind)].join(" | "));
}
const summary = (run) => {
  const invented = totals(run, "invented");
  const grounded = totals(run, "grounded");
  return `invented rejected ${pct(invented.rejected, invented.lines)} (${invented.rejected}/${invented.lines}), grounded rejected ${pct(grounded.rejected, grounded.lines)} (${grounded.rejected}/${grounded.lines}), CPU per line: mean ${run.cpuMeanMs.toFixed(3)} ms over every run; per line (best batch): median ${run.cpuMedianMs.toFixed(3)} ms, p99 ${run.cpuP99Ms.toFixed(3)} ms, max ${run.cpuMaxMs.toFixed(3)} ms`;
};
lines.push(`Claim checker: ${summary(results.claims)}`);
for (const set of [...new Set(results.claims.bySet.map((s) => s.set))]) {
  const of = (label) => results.claims.bySet.find((s) => s.set === set && s.label === label) ?? { lines: 0, rejected: 0 };
  lines.push(`  ${set}: invented rejected ${pct(of("invented").rejected, of("invented").lines)} (${of("invented").rejected}/${of("invented").lines}), grounded rejected ${pct(of("grounded").rejected, of("grounded").lines)} (${of("grounded").rejected}/${of("grounded").lines})`);
}
lines.push(`Baseline (cited evidence and digits only): ${summary(results.baseline)}`);
lines.push("Targets: invented rejected ≥ 95 %, grounded rejected ≤ 5 %, ≤ 1 ms CPU per line.");
if (process.env.BENCH_VERBOSE) for (const s of results.claims.slowest) lines.push(`  slow: ${s.ms.toFixed(3)} ms | ${s.line}`);
if (process.env.BENCH_VERBOSE) for (const m of results.claims.misjudged) lines.push(`  ${m.label}: ${m.reason ?? "passed"} | ${m.line}`);
console.log(`\n--- Grounding benchmark ---\n${lines.join("\n")}`);
mkdirSync("bench/data", { recursive: true });
writeFileSync("bench/data/grounding-results.json", JSON.stringify(results, null, 2));
