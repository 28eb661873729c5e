// Upload benchmark (issue #3): generates the data, runs each case inside workerd (vitest + the
// Cloudflare plugin, bench/uploads.vitest.config.mts) while this process serves the files and watches
// the workerd process's resident memory, then prints the figures. See bench/README.md.
import { spawn } from "node:child_process";
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { DATA_DIR, ensureCsv, ensureXlsx, rowsForBytes } from "./uploads-data.mjs";

const MB = 1024 * 1024;
const cases = (process.env.BENCH_CASES ?? "cpu,memory-small,memory-large,memory-stream-small,memory-stream-large,memory-xlsx,xlsx").split(",");
// Memory cases run with V8's heap capped like a deployed Worker's (128 MB isolate limit, here 64 MB
// of old space), so garbage is collected as it would be there instead of piling up in a roomy local
// heap, young generation 2 MB). The path must fit: a case that needed more would fail with out-of-memory.
const CAPPED_HEAP = "--max-old-space-size=64 --max-semi-space-size=2";
// Extra V8 flags for the memory cases, e.g. BENCH_V8_FLAGS=--trace-gc to see the live heap after each GC.
const V8_FLAGS = [CAPPED_HEAP, process.env.BENCH_V8_FLAGS ?? ""].join(" ").trim();

console.log("Generating data in bench/data/ (kept between runs)…");
const large = await ensureCsv("prospects-1m.csv", 1_000_000);
await ensureCsv("prospects-10mb.csv", rowsForBytes(10 * MB));
await ensureXlsx("prospects-200k.xlsx", 200_000);
for (const name of readdirSync(DATA_DIR).filter((n) => /\.(csv|xlsx)$/.test(n))) {
  console.log(`  ${name}: ${(statSync(join(DATA_DIR, name)).size / MB).toFixed(1)} MB`);
}

// --- memory watcher: resident set of the workerd processes started by the current vitest run ---
let vitestPid = 0;
let sampling = null;

function descendants(root) {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), { parent: Number(fields[1]), name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) });
    } catch {
      // The process ended while we looked.
    }
  }
  return [...parentOf.entries()]
    .filter(([pid, info]) => {
      if (info.name !== "workerd") return false;
      for (let p = pid; p; p = parentOf.get(p)?.parent ?? 0) if (p === root) return true;
      return false;
    })
    .map(([pid]) => pid);
}

function workerdRss() {
  let total = 0;
  for (const pid of descendants(vitestPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

// BENCH_RSS_TIMELINE=1 prints the memory cases' RSS over time with the phases the workerd side marks.
const TIMELINE = process.env.BENCH_RSS_TIMELINE === "1";
function printTimeline({ baseline, timeline }) {
  let next = 0;
  for (const [ms, rss, label] of timeline) {
    if (!label && ms < next) continue;
    if (!label) next = ms + 100;
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  +${((rss - baseline) / MB).toFixed(1).padStart(5)} MB${label ? `  ← ${label}` : ""}`);
  }
}

const results = {};
const server = createServer((request, response) => {
  const url = new URL(request.url, "http://localhost");
  if (url.pathname.startsWith("/data/")) {
    const path = join(DATA_DIR, url.pathname.slice(6));
    const size = statSync(path).size;
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? "");
    if (range) {
      const [start, end] = [Number(range[1]), Math.min(Number(range[2]), size - 1)];
      response.writeHead(206, { "Content-Length": end - start + 1, "Content-Range": `bytes ${start}-${end}/${size}` });
      createReadStream(path, { start, end }).pipe(response);
    } else {
      response.writeHead(200, { "Content-Length": size });
      createReadStream(path).pipe(response);
    }
  } else if (url.pathname === "/rss/start") {
    const baseline = workerdRss();
    const started = performance.now();
    sampling = { baseline, peak: baseline, started, timeline: [], timer: null };
    sampling.timer = setInterval(() => {
      const rss = workerdRss();
      sampling.peak = Math.max(sampling.peak, rss);
      if (TIMELINE) sampling.timeline.push([performance.now() - started, rss]);
    }, 10);
    response.end("{}");
  } else if (url.pathname === "/rss/mark") {
    if (sampling && TIMELINE) sampling.timeline.push([performance.now() - sampling.started, workerdRss(), url.searchParams.get("label")]);
    response.end("{}");
  } else if (url.pathname === "/rss/stop") {
    clearInterval(sampling.timer);
    const { baseline, peak } = sampling;
    if (TIMELINE) printTimeline(sampling);
    response.end(JSON.stringify({ rssBaselineMB: baseline / MB, rssPeakMB: peak / MB, rssGrowthMB: (peak - baseline) / MB }));
  } else if (url.pathname.startsWith("/results/")) {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      results[url.pathname.slice(9)] = JSON.parse(body);
      response.end("{}");
    });
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const benchUrl = `http://127.0.0.1:${server.address().port}`;

for (const name of cases) {
  console.log(`\nRunning ${name} in workerd…`);
  const child = spawn("npx", ["vitest", "run", "--config", "bench/uploads.vitest.config.mts", "--reporter", "dot"], {
    env: {
      ...process.env,
      BENCH_URL: benchUrl,
      BENCH_CASE: name,
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      ...(name.startsWith("memory") ? { MINIFLARE_WORKERD_V8_FLAGS: V8_FLAGS } : {}),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  vitestPid = child.pid;
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0 || !results[name]) {
    console.error(`${name} failed (exit ${code})`);
    process.exitCode = 1;
  }
}
server.close();

const fmt = (n, digits = 0) => (typeof n === "number" ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—");
const lines = [];
const { cpu, "memory-small": small, "memory-large": big, "memory-stream-small": streamSmall, "memory-stream-large": streamBig, "memory-xlsx": sheet, xlsx } = results;
if (cpu) {
  lines.push(`Input: ${fmt(cpu.rows)} rows, ${fmt(cpu.bytes / MB, 1)} MiB (${fmt(cpu.bytes / 1e6, 1)} MB) of CSV; all figures measured inside workerd, best of 3.`);
  lines.push(`count-and-chunk (byte scanner in WebAssembly SIMD, 1 MiB blocks, index every ${fmt(cpu.rows / (cpu.chunks - 1))} rows): ${fmt(cpu.countAndChunkMBps)} MB/s CPU = ${fmt(cpu.countAndChunkMBps / cpu.udsvMBps, 2)}× uDSV parsing, ${fmt(cpu.countAndChunkMBps / cpu.textDecoderMBps, 2)}× TextDecoder`);
  lines.push(`  TextDecoder UTF-8 on the same bytes, same run (reference):        ${fmt(cpu.textDecoderMBps)} MB/s`);
  lines.push(`field parsing: parseCsv ${fmt(cpu.parseCsvMBps)} MB/s, uDSV stringArrs ${fmt(cpu.udsvMBps)} MB/s → ${fmt(cpu.parseVsUdsv, 2)}× uDSV (rows ${fmt(cpu.parseCsvRows)} / ${fmt(cpu.udsvRows)})`);
  lines.push(`whole CSV doctor + normalize pass, storage in memory: ${fmt(cpu.normalizeMBps)} MB/s (${fmt(cpu.normalizeSeconds, 1)} s for ${fmt(cpu.normalizeRows)} rows)`);
}
for (const run of [small, big, sheet].filter(Boolean)) {
  lines.push(
    `upload path memory, ${run.file} (${fmt(run.bytes / MB, 1)} MiB, ${fmt(run.rows)} rows): workerd RSS +${fmt(run.rssGrowthMB, 1)} MB over ${fmt(run.rssBaselineMB)} MB (peak ${fmt(run.rssPeakMB)} MB), ${fmt(run.seconds, 1)} s`,
  );
}
for (const run of [streamSmall, streamBig].filter(Boolean)) {
  lines.push(`  reference, the same bytes through the same streams with no upload work, ${run.file}: workerd RSS +${fmt(run.rssGrowthMB, 1)} MB, ${fmt(run.seconds, 1)} s`);
}
if (small && big) {
  const own = (path, stream) => (stream ? ` (${fmt(path.rssGrowthMB - stream.rssGrowthMB, 1)} MB beyond the streams alone)` : "");
  lines.push(
    `  10 MB → 180 MB: upload path +${fmt(small.rssGrowthMB, 1)}${own(small, streamSmall)} → +${fmt(big.rssGrowthMB, 1)} MB${own(big, streamBig)}`,
  );
}
if (xlsx) {
  lines.push(`XLSX over HTTP with Miniflare's R2: ${xlsx.file} (${fmt(xlsx.bytes / MB, 1)} MiB, ${fmt(xlsx.rows)} rows) accepted in ${fmt(xlsx.seconds, 1)} s`);
}
console.log(`\n--- Upload benchmark ---\n${lines.join("\n")}`);
writeFileSync(join(DATA_DIR, "uploads-results.json"), JSON.stringify(results, null, 2));
