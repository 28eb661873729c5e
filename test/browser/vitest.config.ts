import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Browser tests: Debian's Chromium driven by playwright-core against the product started the way
 * `npm start` starts it (scripts/start.mjs, both Workers under wrangler dev), with the LLM faked over
 * HTTP. The global setup installs Chromium when it is missing and starts/stops the product.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/browser/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Stopping wrangler and workerd takes a few seconds.
    teardownTimeout: 60_000,
  },
});
