import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * The grounding benchmark runs the line checks inside workerd (the runtime they run in), with the
 * real Worker's configuration; it needs no D1, queue or LLM. bench/grounding.bench.mjs runs it.
 */
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          JWT_SECRET: "bench-secret-that-is-at-least-32-characters-long",
          LOG_LEVEL: "error",
          BENCH_URL: process.env.BENCH_URL ?? "",
          BENCH_REPEATS: process.env.BENCH_REPEATS ?? "100",
        },
      },
    }),
  ],
  test: {
    name: "bench-grounding",
    include: ["bench/grounding.workerd.ts"],
    testTimeout: 600_000,
  },
});
