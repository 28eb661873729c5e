// Runs inside workerd (see jobs.vitest.config.mts); bench/jobs.bench.mjs drives it and prints the figures.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { it } from "vitest";
import { ledgerFor } from "../worker/credits/ledger";
import { getConfig } from "../worker/config";
import { csvLine } from "../worker/csv/write";
import { getDb } from "../worker/db/client";
import { users } from "../worker/db/schema";
import { createFullJob } from "../worker/jobs/create";
import { loadUploadFor } from "../worker/jobs/upload-source";
import { createLlmClient, llmOptionsFromConfig } from "../worker/llm/client";
import { buildMessages } from "../worker/llm/prompt";
import { ROWS_PER_INDEX_CHUNK } from "../worker/uploads/normalized";
import { api, consumeOnce, report } from "./workerd-helpers";

const bench = env as unknown as { BENCH_LLM_LATENCY_MS: string; BENCH_E2E_ROWS: string; BENCH_BATCH: string; LLM_BASE_URL: string };
const fakeBase = bench.LLM_BASE_URL.replace(/\/v1$/, "");
/** Chunk messages per consumer invocation: wrangler.toml's max_batch_size. */
const BATCH = Number(bench.BENCH_BATCH);
const REPEATS = 3;

async function scenario(): Promise<string> {
  const response = await fetch(`${fakeBase}/control/scenarios`, { method: "POST", body: JSON.stringify({ latencyMs: Number(bench.BENCH_LLM_LATENCY_MS) }) });
  return ((await response.json()) as { id: string }).id;
}

async function stats(id: string) {
  return ((await (await fetch(`${fakeBase}/control/scenarios/${id}`)).json()) as {
    stats: { requests: number; promptTokens: number; completionTokens: number; maxInFlight: number; rowsRequested: string[] };
  }).stats;
}

const FIRST = ["Ann", "José", "Zoë", "Łukasz", "Priya", "Tom", "Fatima", "Lars"];
const TITLES = ["CEO", "Head of Sales", "VP Marketing", "Founder", "Operations Manager", "CFO"];
function prospectsCsv(rows: number): string {
  let csv = csvLine(["First Name", "Last Name", "Company", "Title", "City", "Industry", "Email"]);
  for (let i = 0; i < rows; i++) {
    csv += csvLine([FIRST[i % 8]!, `Lastname${i}`, `Company ${i} GmbH`, TITLES[i % 6]!, i % 2 ? "Berlin" : "Lyon", i % 3 ? "Software" : "Logistics", `p${i}@example.com`]);
  }
  return csv;
}

async function userWithCredits(credits: number) {
  const email = `bench-jobs-${crypto.randomUUID()}@example.com`;
  const session = await api("POST", "/v1/auth/signup", null, { email, password: "bench password 1234" });
  await ledgerFor(env, session.user.id).grant({ key: `bench:${session.user.id}`, amount: credits, reason: "admin", note: "benchmark" });
  return { id: session.user.id as string, token: session.accessToken as string };
}

async function upload(token: string, rows: number) {
  return api("POST", "/v1/uploads?filename=bench.csv", token, undefined, prospectsCsv(rows), "text/csv");
}

const jobBody = (uploadId: string, scenarioId: string, rowsPerRequest?: number) => ({
  uploadId,
  mode: "full",
  mapping: { first_name: "First Name", company: "Company", title: "Title", location: "City", industry: "Industry" },
  context: { service: `AI bookkeeping that closes the books for small agencies in two days. ${scenarioId}` },
  ...(rowsPerRequest ? { rowsPerRequest } : {}),
});

/** One consumer invocation over BATCH chunk messages; the job's messages are not on the queue. */
async function oneInvocation(user: { id: string; token: string }, uploadId: string, rowsPerRequest: number) {
  const id = await scenario();
  const [row] = await getDb(env).select().from(users).where(eq(users.id, user.id));
  const { upload: stored, index } = await loadUploadFor(env, user.id, uploadId);
  const request = { ...jobBody(uploadId, id, rowsPerRequest), extraColumns: [], previewRows: 5, context: { service: jobBody(uploadId, id).context.service, tone: "friendly", language: "en", maxWords: 25 } };
  const job = await createFullJob(env, row!, stored, index, request as Parameters<typeof createFullJob>[4], { fanOut: false });
  const chunks = index.chunks.slice(0, BATCH).map((chunk) => ({ ...chunk, chunk: chunk.index }));
  const rows = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  const seconds = await consumeOnce(job.id, user.id, chunks);
  const s = await stats(id);
  return { rows, seconds, rowsPerSecond: rows / seconds, requests: s.requests, maxInFlight: s.maxInFlight, tokensPerRow: (s.promptTokens + s.completionTokens) / rows, promptPerRow: s.promptTokens / rows, completionPerRow: s.completionTokens / rows };
}

/**
 * The latency an invocation really sees per call: the fake's 200 ms plus the local HTTP round trip and
 * the SDK, measured with the same client, the same prompt size and 10 calls in flight.
 */
async function observedLatency(rowsPerRequest: number): Promise<number> {
  const id = await scenario();
  const client = createLlmClient(llmOptionsFromConfig(getConfig(env)));
  const rows = Array.from({ length: rowsPerRequest }, (_, i) => ({ id: String(i + 1), fields: { company: `Company ${i} GmbH`, first_name: "Ann", title: "CEO" } }));
  const messages = buildMessages(rows, { service: `AI bookkeeping for small agencies. ${id}`, tone: "friendly", language: "en", maxWords: 25 });
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: getConfig(env).LLM_CONCURRENCY }, async () => {
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await client.complete(messages, { maxTokens: 2000 });
        times.push(performance.now() - started);
      }
    }),
  );
  return times.reduce((sum, t) => sum + t, 0) / times.length / 1000;
}

it("jobs benchmark", async () => {
  const latency = Number(bench.BENCH_LLM_LATENCY_MS) / 1000;
  const inFlight = getConfig(env).LLM_CONCURRENCY;
  const user = await userWithCredits(1_000_000);
  const perInvocationUpload = await upload(user.token, BATCH * ROWS_PER_INDEX_CHUNK);

  // Warm the isolate (module init, first DO and R2 touches) before measuring.
  await oneInvocation(user, perInvocationUpload.id, 5);

  for (const rowsPerRequest of [1, 5, 10]) {
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await oneInvocation(user, perInvocationUpload.id, rowsPerRequest));
    runs.sort((a, b) => a.rowsPerSecond - b.rowsPerSecond);
    const median = runs[Math.floor(runs.length / 2)]!;
    const ideal = (inFlight * rowsPerRequest) / latency;
    const observed = await observedLatency(rowsPerRequest);
    await report(`invocation-rpr${rowsPerRequest}`, {
      rowsPerRequest,
      batch: BATCH,
      inFlight,
      latencyMs: latency * 1000,
      ...median,
      idealRowsPerSecond: ideal,
      ofIdeal: median.rowsPerSecond / ideal,
      observedCallMs: observed * 1000,
      ofIdealAtObservedLatency: median.rowsPerSecond / ((inFlight * rowsPerRequest) / observed),
      allRowsPerSecond: runs.map((r) => Math.round(r.rowsPerSecond)),
    });
  }

  // A whole job end to end through the real queue, as a user runs it.
  const total = Number(bench.BENCH_E2E_ROWS);
  if (total === 0) return;
  const big = await upload(user.token, total);
  const id = await scenario();
  const started = performance.now();
  const job = await api("POST", "/v1/jobs", user.token, jobBody(big.id, id));
  let current = job;
  while (!["succeeded", "failed", "canceled"].includes(current.status)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = await api("GET", `/v1/jobs/${job.id}`, user.token);
  }
  const seconds = (performance.now() - started) / 1000;
  const s = await stats(id);
  const baselineSeconds = (total * latency) / 10;
  await report("e2e", {
    rows: total,
    status: current.status,
    succeeded: current.succeeded,
    creditsCharged: current.creditsCharged,
    rowsPerRequest: current.rowsPerRequest,
    seconds,
    rowsPerSecond: total / seconds,
    requests: s.requests,
    maxInFlight: s.maxInFlight,
    tokensPerRow: (s.promptTokens + s.completionTokens) / total,
    baselineSeconds,
    baselineRowsPerSecond: total / baselineSeconds,
    latencyMs: latency * 1000,
  });
});
