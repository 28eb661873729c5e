import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium (never a browser build downloaded by Playwright). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags verified on these machines (shared/toolchain.md). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

/**
 * CI machines are fresh: install Debian's `chromium` package when it is missing (CI runs as root).
 * Installing takes a minute or two, once per machine.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`[browser tests] ${CHROMIUM_PATH} is missing: installing Debian's chromium package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, { env, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status ?? result.error?.message}); install chromium by hand.`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} does not exist.`);
}

/** A fresh profile per context (Playwright refuses --user-data-dir in launch()). */
export function launchBrowser(options: { width?: number; height?: number } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "openline-chromium-")), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    acceptDownloads: true,
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
