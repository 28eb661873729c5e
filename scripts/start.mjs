#!/usr/bin/env node
/**
 * `npm start`: a fresh clone to a running product on http://localhost:8787.
 *
 * 1. creates .dev.vars with a random JWT_SECRET when it is missing,
 * 2. applies the local D1 migrations,
 * 3. builds the upload scanner's WebAssembly (scripts/build-wasm.mjs) and the web app,
 * 4. starts the labelled local sample model when no LLM_API_KEY is set,
 * 5. runs both Workers with `wrangler dev` (the web Worker is the front door, the API Worker behind
 *    its service binding), state under .wrangler/state; every email the API sends is logged as
 *    `email to <address>: <subject>` with the files wrangler wrote it to.
 * Ctrl-C stops everything.
 *
 * Environment (all optional): PORT (8787), OPENLINE_STATE_DIR (.wrangler/state), SAMPLE_MODEL_PORT
 * (8799), OPENLINE_SKIP_BUILD=1 (reuse web/build). Any of the API's variables set in the environment
 * (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, ADMIN_EMAILS, APP_URL, LOG_LEVEL, STRIPE_*, RESEARCH_PROXY_URL) override
 * wrangler.toml and .dev.vars for this run.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emailLogger, pipeLines } from "./email-log.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "node_modules", ".bin");
const port = Number(process.env.PORT ?? 8787);
const stateDir = process.env.OPENLINE_STATE_DIR ?? ".wrangler/state";
const sampleModelPort = Number(process.env.SAMPLE_MODEL_PORT ?? 8799);
const SAMPLE_MODEL = "openline-local-sample";
const PASSED_THROUGH = [
  "LLM_BASE_URL",
  "LLM_API_KEY",
  "LLM_MODEL",
  "ADMIN_EMAILS",
  "APP_URL",
  "EMAIL_FROM",
  "LOG_LEVEL",
  "MAX_UPLOAD_BYTES",
  "ALLOW_LOCAL_WEBHOOKS",
  "RETENTION_DAYS",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_BASE",
  "STRIPE_PRICE_STARTER",
  "STRIPE_PRICE_GROWTH",
  "STRIPE_PRICE_PRO",
  "STRIPE_PRICE_PACK",
  "RESEARCH_PROXY_URL",
];

// Wrangler needs Node >= 22: the node@24 devDependency's binary comes first, even when this script
// was started with the machine's Node 20.
const env = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

const log = (message) => console.log(`\x1b[1m[openline]\x1b[0m ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(path.join(bin, command), args, { cwd: root, env, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n[openline] \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function parseDotenv(text) {
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return vars;
}

/** A fresh clone has no .dev.vars: make one from the example with a random JWT_SECRET. */
function ensureDevVars() {
  const file = path.join(root, ".dev.vars");
  const secret = randomBytes(48).toString("base64url");
  if (!existsSync(file)) {
    const example = path.join(root, ".dev.vars.example");
    const template = existsSync(example) ? readFileSync(example, "utf8") : "JWT_SECRET=\n";
    writeFileSync(file, template.replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`), { mode: 0o600 });
    log("Created .dev.vars with a random JWT_SECRET.");
  } else if (!parseDotenv(readFileSync(file, "utf8")).JWT_SECRET) {
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\nJWT_SECRET=${secret}\n`);
    log("Added a random JWT_SECRET to .dev.vars.");
  }
  return parseDotenv(readFileSync(file, "utf8"));
}

async function startSampleModel() {
  const module = path.join(root, "scripts", "sample-model.mjs");
  if (!existsSync(module)) {
    log("\x1b[33mscripts/sample-model.mjs is missing: jobs cannot generate lines until LLM_API_KEY is set.\x1b[0m");
    return null;
  }
  const { startSampleModel } = await import(pathToFileURL(module).href);
  try {
    return await startSampleModel({ port: sampleModelPort });
  } catch (error) {
    if (error?.code !== "EADDRINUSE") throw error;
    log(`Port ${sampleModelPort} is taken; the sample model listens on a free port instead.`);
    return startSampleModel({ port: 0 });
  }
}

/**
 * The API Worker's config for this run. `wrangler dev --var` only reaches the first (front-door)
 * Worker of a multi-config run, and the API Worker reads .dev.vars next to its own config; so when
 * this run overrides variables, the API runs from a generated copy of wrangler.toml in
 * <state dir>/openline-start/ whose .dev.vars is the project's plus the overrides. Same Worker name,
 * same state (--persist-to), same code.
 */
async function apiConfigFor(overrides) {
  if (Object.keys(overrides).length === 0) return "wrangler.toml";
  const { experimental_readRawConfig } = await import("wrangler");
  const { rawConfig } = await experimental_readRawConfig({ config: path.join(root, "wrangler.toml") });
  // Inside the run's state directory: a test run with its own state never shares it with `npm start`.
  const dir = path.join(path.resolve(root, stateDir), "openline-start");
  mkdirSync(dir, { recursive: true });
  const config = {
    ...rawConfig,
    main: path.join(root, rawConfig.main),
    d1_databases: rawConfig.d1_databases?.map((db) => ({ ...db, migrations_dir: path.join(root, db.migrations_dir ?? "migrations") })),
  };
  writeFileSync(path.join(dir, "wrangler.json"), `${JSON.stringify(config, null, 2)}\n`);
  const projectVars = existsSync(path.join(root, ".dev.vars")) ? readFileSync(path.join(root, ".dev.vars"), "utf8") : "";
  const overrideLines = Object.entries(overrides).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  writeFileSync(path.join(dir, ".dev.vars"), `${projectVars.trimEnd()}\n# Overrides for this run (scripts/start.mjs)\n${overrideLines.join("\n")}\n`, { mode: 0o600 });
  return path.relative(root, path.join(dir, "wrangler.json"));
}

async function waitForHealth(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

const devVars = ensureDevVars();

log("Applying local D1 migrations…");
run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], { env: { ...env, CI: "true" } });

log("Building the upload scanner's WebAssembly…");
await import("./build-wasm.mjs");

if (process.env.OPENLINE_SKIP_BUILD === "1" && existsSync(path.join(root, "web/build/server/wrangler.json"))) {
  log("Reusing the web build in web/build (OPENLINE_SKIP_BUILD=1).");
} else {
  log("Building the web app…");
  run("react-router", ["build"], { cwd: path.join(root, "web") });
}

const vars = {};
for (const name of PASSED_THROUGH) if (process.env[name]) vars[name] = process.env[name];
const llmKey = vars.LLM_API_KEY ?? devVars.LLM_API_KEY;
let sampleModel = null;
if (!llmKey) {
  sampleModel = await startSampleModel();
  vars.LLM_BASE_URL = sampleModel?.url ?? `http://127.0.0.1:${sampleModelPort}/v1`;
  vars.LLM_MODEL = sampleModel?.model ?? SAMPLE_MODEL;
}

const wranglerArgs = [
  "dev",
  "-c", "web/build/server/wrangler.json",
  "-c", await apiConfigFor(vars),
  "--port", String(port),
  "--persist-to", stateDir,
];
log(`Starting both Workers on port ${port}…`);
// Its own process group, so stopping it takes workerd along; no stdin, so no interactive hotkeys.
// Its output is passed through, read for emails on the way (one line per email, scripts/email-log.mjs).
const wrangler = spawn(path.join(bin, "wrangler"), wranglerArgs, {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
const emails = emailLogger((line) => log(`\x1b[36m${line}\x1b[0m`));
pipeLines(wrangler.stdout, process.stdout, emails);
pipeLines(wrangler.stderr, process.stderr, emails);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  if (wrangler.exitCode === null) {
    try {
      process.kill(-wrangler.pid, "SIGINT");
    } catch {
      // already gone
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-wrangler.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    await new Promise((resolve) => (wrangler.exitCode === null ? wrangler.once("exit", resolve) : resolve()));
    clearTimeout(killer);
  }
  await sampleModel?.close?.();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
process.on("SIGHUP", () => void stop(0));
process.on("exit", () => {
  // Last resort if this process dies another way: never leave workerd running.
  if (wrangler.exitCode === null) {
    try {
      process.kill(-wrangler.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
wrangler.on("exit", (code) => {
  if (!stopping) {
    console.error(`[openline] wrangler dev exited (${code}).`);
    void stop(code ?? 1);
  }
});

const url = `http://localhost:${port}`;
if (await waitForHealth(`${url}/health`, wrangler)) {
  console.log("");
  log(`\x1b[32mOpenline is running at ${url}\x1b[0m  (API under ${url}/v1, reference at ${url}/docs)`);
  if (sampleModel) {
    log(
      `\x1b[33mLOCAL SAMPLE MODEL IN USE\x1b[0m (no LLM_API_KEY): lines come from ${SAMPLE_MODEL} at ${sampleModel.url}, ` +
        "canned samples for trying the product, not real LLM output. Set LLM_API_KEY in .dev.vars for real lines.",
    );
  } else if (!llmKey) {
    log("\x1b[33mNo LLM configured\x1b[0m: set LLM_API_KEY in .dev.vars (the local sample model is not available).");
  }
  log("Press Ctrl-C to stop.");
} else if (!stopping) {
  console.error(`[openline] ${url}/health did not answer; see wrangler's output above.`);
}
