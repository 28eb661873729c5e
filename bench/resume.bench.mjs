// Resume benchmark (issue #17, item 5; ADR 067): starts the app the way `npm start` does
// (scripts/start.mjs, its own ports and state directory in a temp dir) against the fake LLM
// (test/node/fakes/llm-server.ts, slow enough that a job takes a while), signs up through the
// verification email, uploads BENCH_RESUME_ROWS prospects, starts a full job, SIGKILLs every process
// of the app mid-job (each process group: start.mjs, wrangler, workerd), runs start.mjs again on the
// same state and measures how long until the job's `processed` grows again. Target: 120 s from the
// second start. Baselines in the same run: the job's first start-to-first-progress time, and the wait
// the thresholds before ADR 067 implied (computed from the old constants). At the end the job must
// have charged exactly one credit per line (creditsCharged == succeeded == the ledger's charges).
//
// BENCH_RESUME_ROWS (500), BENCH_RESUME_KILL_AT (0.3 of the rows processed), BENCH_RESUME_TTFT_MS
// (1000) and BENCH_RESUME_GEN_MS_PER_ROW (1500) shape the job; BENCH_RESUME_SKIP_BUILD=1 reuses the
// web build on the second start (OPENLINE_SKIP_BUILD), which `npm start` does not do by default.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = Number(process.env.BENCH_RESUME_ROWS ?? 500);
const KILL_AT = Number(process.env.BENCH_RESUME_KILL_AT ?? 0.3);
const TTFT_MS = Number(process.env.BENCH_RESUME_TTFT_MS ?? 1000);
const GEN_MS_PER_ROW = Number(process.env.BENCH_RESUME_GEN_MS_PER_ROW ?? 1500);
const TARGET_S = 120;
const PASSWORD = "bench password 1234";
/** The thresholds before ADR 067 (git history of worker/jobs/constants.ts): what a lost message waited for. */
const OLD = { QUEUED_STALE_MS: 600_000, LEASE_MS: 90_000, WATCHDOG_MS: 30_000 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => console.log(`[resume] ${message}`);
const seconds = (ms) => (ms / 1000).toFixed(1);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ the app's processes

/** Every process below `pid` (from /proc), with its process group. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid pgrp …; comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const list = children.get(Number(ppid)) ?? [];
      list.push({ pid: Number(entry), pgrp: Number(pgrp) });
      children.set(Number(ppid), list);
    } catch {
      // gone meanwhile
    }
  }
  const found = [];
  const walk = (parent) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child.pid);
    }
  };
  walk(pid);
  return found;
}

class App {
  constructor({ port, stateDir, env, logFile }) {
    Object.assign(this, { port, stateDir, env, logFile });
    this.url = `http://localhost:${port}`;
    this.output = "";
  }

  start(extraEnv = {}) {
    const out = createWriteStream(this.logFile, { flags: "a" });
    this.child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env: { ...process.env, ...this.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.on("data", (chunk) => {
        out.write(chunk);
        this.output += chunk.toString("utf8");
      });
    }
    this.child.once("exit", () => out.end());
    return Date.now();
  }

  async waitHealthy(timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`start.mjs exited (${this.child.exitCode}); see ${this.logFile}`);
      try {
        if ((await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(5_000) })).ok) return Date.now();
      } catch {
        // not up yet
      }
      await sleep(250);
    }
    throw new Error(`the app did not answer within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** SIGKILL to every process group of the app at once (start.mjs's own and wrangler's detached one). */
  killEverything() {
    const processes = [{ pid: this.child.pid, pgrp: this.child.pid }, ...descendants(this.child.pid)];
    const groups = new Set(processes.map((p) => p.pgrp));
    for (const group of groups) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        // already gone
      }
    }
    for (const { pid } of processes) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    return processes.length;
  }

  async waitAllGone(pids, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (pids.some((pid) => existsSync(`/proc/${pid}`)) && Date.now() < deadline) await sleep(100);
    return pids.filter((pid) => existsSync(`/proc/${pid}`));
  }

  /** Ctrl-C, as a person stops it; SIGKILL to what is left after 15 s. */
  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    process.kill(this.child.pid, "SIGTERM");
    await Promise.race([exited, sleep(15_000)]);
    if (this.child.exitCode === null) this.killEverything();
  }
}

// ------------------------------------------------------------------ the API, as a user

async function api(app, method, route, { token, body, raw, type } = {}) {
  const response = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(raw !== undefined ? { "Content-Type": type } : body !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** The verification link from the email start.mjs logged (`email to <address>: …` then `text: <file>`). */
async function verificationToken(app, address, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = app.output.replace(/\x1b\[[0-9;]*m/g, "").split(/\r?\n/);
    const at = lines.findIndex((line) => line.includes(`email to ${address}:`));
    const file = at >= 0 ? lines.slice(at + 1, at + 3).map((line) => /text: (.+)$/.exec(line)?.[1]?.trim()).find(Boolean) : undefined;
    if (file && existsSync(file)) {
      const token = /\/verify-email\?token=([^\s&]+)/.exec(readFileSync(file, "utf8"))?.[1];
      if (token) return decodeURIComponent(token);
    }
    await sleep(250);
  }
  throw new Error(`no verification email to ${address} in ${app.logFile}`);
}

function prospectsCsv(rows) {
  const lines = ["First Name,Company Name,Job Title,City"];
  for (let i = 0; i < rows; i++) lines.push(`Person${i},Company ${i},Head of Finance,City ${i % 40}`);
  return `${lines.join("\n")}\n`;
}

async function ledgerCharges(app, token, jobId) {
  let sum = 0;
  let cursor;
  do {
    const page = await api(app, "GET", `/v1/credits?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { token });
    for (const entry of page.ledger.data) if (entry.jobId === jobId) sum -= entry.delta;
    cursor = page.ledger.nextCursor;
  } while (cursor);
  return sum;
}

/** Polls the job until `until(job)`; answers the job and when it held. */
async function watchJob(app, token, id, until, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let job = null;
    try {
      job = await api(app, "GET", `/v1/jobs/${id}`, { token });
    } catch {
      // the app is between starts
    }
    if (job && until(job)) return { job, at: Date.now() };
    if (Date.now() > deadline) throw new Error(`job ${id} never got there in ${timeoutMs / 1000} s (last: ${job?.status} ${job?.processed}/${job?.total})`);
    await sleep(250);
  }
}

// ------------------------------------------------------------------ the run

const { module: fakes } = await runnerImport(path.join(root, "test/node/fakes/llm-server.ts"));
const llm = await fakes.startFakeLlm({ ttftMs: TTFT_MS, generationMsPerRow: GEN_MS_PER_ROW });
const stateDir = mkdtempSync(path.join(tmpdir(), "openline-resume-state-"));
mkdirSync(path.join(root, "bench/data"), { recursive: true });
const logFile = path.join(root, "bench/data/resume-app.log");
writeFileSync(logFile, "");
const port = await freePort();
const app = new App({
  port,
  stateDir,
  logFile,
  env: {
    PORT: String(port),
    SAMPLE_MODEL_PORT: String(await freePort()),
    OPENLINE_STATE_DIR: stateDir,
    APP_URL: `http://localhost:${port}`,
    LLM_BASE_URL: `${llm.url}/v1`,
    LLM_API_KEY: "bench-llm-key",
    LLM_MODEL: "openline-local-sample",
    LOG_LEVEL: "warn",
  },
});

let exitCode = 1;
try {
  log(`state in ${stateDir}; app log ${path.relative(root, logFile)}; fake LLM ${TTFT_MS} ms to the first token + ${GEN_MS_PER_ROW} ms a row`);
  const firstStart = app.start();
  const firstHealthy = await app.waitHealthy();
  log(`first start healthy after ${seconds(firstHealthy - firstStart)} s`);

  const email = `resume-${Date.now().toString(36)}@example.com`;
  const session = await api(app, "POST", "/v1/auth/signup", { body: { email, password: PASSWORD } });
  await api(app, "POST", "/v1/auth/verify-email", { body: { token: await verificationToken(app, email) } });
  const token = session.accessToken;
  const upload = await api(app, "POST", "/v1/uploads?filename=resume.csv", { token, raw: prospectsCsv(ROWS), type: "text/csv" });
  const posted = Date.now();
  const started = await api(app, "POST", "/v1/jobs", {
    token,
    body: {
      uploadId: upload.id,
      mode: "full",
      mapping: { first_name: "First Name", company: "Company Name", title: "Job Title", location: "City" },
      context: { service: "AI bookkeeping that closes the books for small agencies in two days.", tone: "friendly", language: "en" },
    },
  });
  const firstProgress = await watchJob(app, token, started.id, (job) => job.processed > 0, 300_000);
  const coldStartS = (firstProgress.at - posted) / 1000;
  log(`job ${started.id}: ${ROWS} rows; first progress ${seconds(firstProgress.at - posted)} s after it was posted`);

  const beforeKill = await watchJob(app, token, started.id, (job) => job.processed >= ROWS * KILL_AT || job.status !== "running", 600_000);
  if (beforeKill.job.status !== "running") throw new Error(`the job was ${beforeKill.job.status} before the kill; make it slower (BENCH_RESUME_GEN_MS_PER_ROW)`);
  const pids = [app.child.pid, ...descendants(app.child.pid).map((p) => p.pid)];
  const killed = app.killEverything();
  const killedAt = Date.now();
  const left = await app.waitAllGone(pids);
  if (left.length > 0) throw new Error(`processes ${left.join(", ")} survived SIGKILL`);
  const atKill = beforeKill.job.processed;
  log(`killed ${killed} processes (every group) at ${atKill}/${ROWS} processed`);
  const llmBeforeRestart = llm.url && (await (await fetch(`${llm.url}/control/scenarios/default`)).json()).stats.requests;

  const restart = app.start(process.env.BENCH_RESUME_SKIP_BUILD === "1" ? { OPENLINE_SKIP_BUILD: "1" } : {});
  const healthy = await app.waitHealthy();
  const firstRead = await watchJob(app, token, started.id, () => true, 60_000);
  const moved = await watchJob(app, token, started.id, (job) => job.processed > firstRead.job.processed || job.status === "succeeded", 900_000);
  const passed = await watchJob(app, token, started.id, (job) => job.processed > atKill || job.status === "succeeded", 900_000);
  const done = await watchJob(app, token, started.id, (job) => ["succeeded", "failed", "canceled"].includes(job.status) && job.creditsHeld === 0, 900_000);
  const charged = await ledgerCharges(app, token, started.id);
  const stats = (await (await fetch(`${llm.url}/control/scenarios/default`)).json()).stats;
  const asked = new Map();
  for (const id of stats.rowsRequested) asked.set(id, (asked.get(id) ?? 0) + 1);
  const askedTwice = [...asked.values()].filter((n) => n > 1).length;

  const movedS = (moved.at - restart) / 1000;
  // Before ADR 067, counted from the kill: a chunk leased at the kill waited for its lease to run out
  // (then up to a watchdog period); a message lost with the queue until it had been queued
  // QUEUED_STALE_MS (it was sent shortly before the kill), then up to a period.
  const oldLeasedS = (OLD.LEASE_MS + OLD.WATCHDOG_MS) / 1000;
  const oldWaitS = (OLD.QUEUED_STALE_MS + OLD.WATCHDOG_MS) / 1000;
  const final = done.job;
  const ok = final.status === "succeeded" && final.creditsCharged === final.succeeded && charged === final.succeeded && movedS <= TARGET_S;
  const lines = [
    `${ROWS} rows (${upload.rowCount} uploaded), fake LLM ${TTFT_MS} ms + ${GEN_MS_PER_ROW} ms a row; killed at ${atKill} processed (${killed} processes, every group, SIGKILL).`,
    `Second start (${process.env.BENCH_RESUME_SKIP_BUILD === "1" ? "web build reused" : "as npm start: migrations, wasm, web build"}) healthy after ${seconds(healthy - restart)} s (${seconds(restart - killedAt)} s after the kill).`,
    `Job moves again (processed grows past its first reading, ${firstRead.job.processed}, status ${firstRead.job.status}): ${movedS.toFixed(1)} s after the second start (${seconds(moved.at - healthy)} s after healthy, ${seconds(moved.at - killedAt)} s after the kill) — target ≤ ${TARGET_S} s: ${movedS <= TARGET_S ? "met" : "MISSED"}.`,
    `Passes its processed count at the kill (${atKill}): ${seconds(passed.at - restart)} s after the second start.`,
    `Baselines: this job's first start to first progress ${coldStartS.toFixed(1)} s (the floor: one call); the thresholds before ADR 067, computed from the kill: up to ${oldLeasedS.toFixed(0)} s for a leased chunk (${OLD.LEASE_MS / 1000} s lease + ${OLD.WATCHDOG_MS / 1000} s period), up to ${oldWaitS.toFixed(0)} s for a message lost in the queue (${OLD.QUEUED_STALE_MS / 1000} s + period).`,
    `End: ${final.status}, ${final.succeeded} succeeded, ${final.failed} failed; creditsCharged ${final.creditsCharged}, ledger charges ${charged} → ${final.creditsCharged === final.succeeded && charged === final.succeeded ? "each line charged once" : "MISMATCH"}.`,
    `LLM: ${stats.requests} calls (${llmBeforeRestart} before the restart); ${askedTwice} rows asked for more than once (rows in flight or after the last checkpoint at the kill are redone, never charged twice).`,
  ];
  console.log(`\n--- Resume benchmark ---\n${lines.join("\n")}`);
  writeFileSync(
    path.join(root, "bench/data/resume-results.json"),
    `${JSON.stringify({ rows: ROWS, atKill, killed, restartToHealthyS: (healthy - restart) / 1000, movedS, passedS: (passed.at - restart) / 1000, coldStartS, oldLeasedS, oldWaitS, killToMovedS: (moved.at - killedAt) / 1000, final, charged, askedTwice, requests: stats.requests }, null, 2)}\n`,
  );
  exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`resume benchmark failed: ${error?.stack ?? error}`);
} finally {
  await app.stop();
  await llm.close();
  if (exitCode === 0) rmSync(stateDir, { recursive: true, force: true });
  else log(`state kept in ${stateDir} for a look`);
}
process.exit(exitCode);
