// Runs inside workerd (see research.vitest.config.mts); bench/research.bench.mjs drives it and prints the figures.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { it } from "vitest";
import { ledgerFor } from "../worker/credits/ledger";
import { getConfig } from "../worker/parse-config";
import { csvLine } from "../worker/csv/write";
import { getDb } from "../worker/db/client";
import { users } from "../worker/db/schema";
import { createFullJob, type JobRequest } from "../worker/jobs/create";
import { loadUploadFor } from "../worker/jobs/upload-source";
import { HEADER_SLOTS } from "../worker/lib/connections";
import { api, consumeOnce, report } from "./workerd-helpers";

const bench = env as unknown as { BENCH_LLM_LATENCY_MS: string; BENCH_SITE_LATENCY_MS: string; LLM_BASE_URL: string; RESEARCH_PROXY_URL: string };
const ROWS = 1_000;
const DOMAINS = 300;
const REPEATS = 3;
/** What the fake web is asked per domain: robots.txt, the homepage, the about page. */
const REQUESTS_PER_DOMAIN = 3;

/** 1,000 prospects over 300 company sites (fake-web names under `tag`): half by website, half by email. */
function prospectsCsv(tag: string): string {
  let csv = csvLine(["First Name", "Company", "Title", "Website", "Email"]);
  for (let i = 0; i < ROWS; i++) {
    const domain = `co${i % DOMAINS}-${tag}.example`;
    csv += csvLine([`P${i}`, `Company ${i % DOMAINS}`, "COO", i % 2 ? `https://www.${domain}/` : "", `p${i}@${domain}`]);
  }
  return csv;
}

async function webRequests(tag: string): Promise<number> {
  const response = await fetch(`${bench.RESEARCH_PROXY_URL}/control/requests?suffix=-${tag}.example`);
  return ((await response.json()) as { requests: unknown[] }).requests.length;
}

const MAPPING = { first_name: "First Name", company: "Company", title: "Title", website: "Website", email: "Email" };

/** One consumer invocation over all the job's chunk messages (1,000 rows = 10 chunks, within max_batch_size). */
async function oneInvocation(userId: string, uploadId: string, research: boolean) {
  const [row] = await getDb(env).select().from(users).where(eq(users.id, userId));
  const { upload, index } = await loadUploadFor(env, userId, uploadId);
  const request: JobRequest = {
    uploadId,
    mode: "full",
    mapping: MAPPING,
    extraColumns: [],
    previewRows: 5,
    context: { service: "AI bookkeeping that closes the books for small agencies in two days.", tone: "friendly", language: "en", maxWords: 25 },
    research: { website: research },
  };
  const job = await createFullJob(env, getConfig(env), row!, upload, index, request, { fanOut: false });
  const chunks = index.chunks.map((chunk) => ({ ...chunk, chunk: chunk.index }));
  const seconds = await consumeOnce(job.id, userId, chunks);
  return { seconds, rowsPerSecond: ROWS / seconds, chunks: chunks.length };
}

const median = <T extends { rowsPerSecond: number }>(runs: T[]) => [...runs].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(runs.length / 2)]!;

it("research benchmark", async () => {
  const email = `bench-research-${crypto.randomUUID()}@example.com`;
  const session = await api("POST", "/v1/auth/signup", null, { email, password: "bench password 1234" });
  const userId = session.user.id as string;
  await ledgerFor(env, userId).grant({ key: `bench:${userId}`, amount: 1_000_000, reason: "admin", note: "benchmark" });
  const inFlight = getConfig(env).LLM_CONCURRENCY;
  const siteSeconds = Number(bench.BENCH_SITE_LATENCY_MS) / 1000;

  // Warm the isolate (module init, first DO, D1 and R2 touches) before measuring.
  const warmup = await api("POST", "/v1/uploads?filename=warmup.csv", session.accessToken, undefined, prospectsCsv("warmup"), "text/csv");
  await oneInvocation(userId, warmup.id, false);

  type Run = Awaited<ReturnType<typeof oneInvocation>>;
  const off: Run[] = [];
  const cold: Array<Run & { siteRequests: number }> = [];
  const warm: Array<Run & { siteRequests: number }> = [];
  for (let i = 0; i < REPEATS; i++) {
    // A fresh set of 300 domains per round: the cold run finds none of them cached.
    const tag = crypto.randomUUID().slice(0, 8);
    const upload = await api("POST", "/v1/uploads?filename=bench.csv", session.accessToken, undefined, prospectsCsv(tag), "text/csv");
    const coldRun = await oneInvocation(userId, upload.id, true);
    cold.push({ ...coldRun, siteRequests: await webRequests(tag) });
    // Warm and off take turns going first, so neither always runs right after the cold run.
    const runWarm = async () => {
      const run = await oneInvocation(userId, upload.id, true);
      warm.push({ ...run, siteRequests: (await webRequests(tag)) - cold[cold.length - 1]!.siteRequests });
    };
    const runOff = async () => void off.push(await oneInvocation(userId, upload.id, false));
    for (const run of i % 2 ? [runOff, runWarm] : [runWarm, runOff]) await run();
  }
  // Cold can be no faster than its fetches, then the lines themselves. A site fetch holds one of the
  // invocation's six header slots until its headers arrive (the fake site answers whole after its
  // latency), so six fetches at a time, not LLM_CONCURRENCY (ADR 065).
  const fetchBoundSeconds = (DOMAINS * REQUESTS_PER_DOMAIN * siteSeconds) / HEADER_SLOTS;
  const offMedian = median(off);
  await report("research", {
    rows: ROWS,
    domains: DOMAINS,
    inFlight,
    headerSlots: HEADER_SLOTS,
    llmLatencyMs: Number(bench.BENCH_LLM_LATENCY_MS),
    siteLatencyMs: Number(bench.BENCH_SITE_LATENCY_MS),
    off: { ...offMedian, all: off.map((r) => Math.round(r.rowsPerSecond)) },
    warm: { ...median(warm), all: warm.map((r) => Math.round(r.rowsPerSecond)), ofOff: median(warm).rowsPerSecond / offMedian.rowsPerSecond },
    cold: { ...median(cold), all: cold.map((r) => Math.round(r.rowsPerSecond)), fetchBoundSeconds, boundSeconds: fetchBoundSeconds + offMedian.seconds },
  });
});
