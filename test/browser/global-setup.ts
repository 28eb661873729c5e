import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeLlm } from "../node/fakes/llm-server";
import { startFakeStripe } from "../node/fakes/stripe-server";
import { startFakeWeb } from "../node/fakes/web-server";
import { artifactPath, ensureChromium } from "./chromium";
import { ADMIN_EMAIL } from "./flows";

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForApp(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`npm start exited (${app.exitCode}) before answering; see test/artifacts/app.log`);
    try {
      const [health, page] = await Promise.all([fetch(`${url}/health`), fetch(`${url}/`)]);
      if (health.ok && page.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`The app did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s; see test/artifacts/app.log`);
}

/**
 * Starts the product exactly as `npm start` does (scripts/start.mjs: migrations, web build, both
 * Workers under wrangler dev) on a free port with its own fresh state, with the LLM and Stripe faked
 * over HTTP.
 */
export default async function setup(project: TestProject) {
  ensureChromium();
  // Website research is on by default when an email column is mapped: the fake web answers it, so
  // no test ever reaches a real site.
  const [llm, stripe, web] = await Promise.all([startFakeLlm(), startFakeStripe(), startFakeWeb()]);
  const port = await freePort();
  const stateDir = mkdtempSync(path.join(tmpdir(), "openline-browser-state-"));
  const appUrl = `http://localhost:${port}`;
  const log = createWriteStream(artifactPath("app.log"));
  const app = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      OPENLINE_STATE_DIR: stateDir,
      APP_URL: appUrl,
      LLM_BASE_URL: `${llm.url}/v1`,
      LLM_API_KEY: "test-llm-key",
      // The fake writes its lines with the sample model's generator, so the app labels them as the
      // offline sample model's, as `npm start` without a key does.
      LLM_MODEL: "openline-local-sample",
      ADMIN_EMAILS: ADMIN_EMAIL,
      LOG_LEVEL: "warn",
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: "sk_test_openline",
      STRIPE_WEBHOOK_SECRET: "whsec_test_openline",
      STRIPE_PRICE_STARTER: "price_starter",
      STRIPE_PRICE_GROWTH: "price_growth",
      STRIPE_PRICE_PRO: "price_pro",
      STRIPE_PRICE_PACK: "price_pack",
      RESEARCH_PROXY_URL: web.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  app.stdout!.pipe(log);
  app.stderr!.pipe(log);
  const stop = async () => {
    const started = Date.now();
    if (app.exitCode === null) {
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((resolve) => app.once("exit", resolve));
      process.kill(app.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (app.exitCode === null) process.kill(-app.pid!, "SIGKILL");
    }
    await Promise.all([llm.close(), stripe.close(), web.close()]);
    console.log(`[browser tests] app stopped in ${Date.now() - started} ms`);
    log.end();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await waitForApp(appUrl, app);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("appUrl", appUrl);
  project.provide("llmUrl", llm.url);
  project.provide("stripeUrl", stripe.url);
  return stop;
}
