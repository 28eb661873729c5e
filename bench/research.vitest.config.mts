import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * The research benchmark runs inside workerd with the real Worker (wrangler.toml bindings), its
 * research fetches going to the fake web (RESEARCH_PROXY_URL) and its LLM calls to the fake LLM, both
 * started by bench/research.global-setup.mts. bench/research.bench.mjs runs it.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            JWT_SECRET: "bench-secret-that-is-at-least-32-characters-long",
            LOG_LEVEL: "error",
            LLM_BASE_URL: `${inject("fakeLlmUrl")}/v1`,
            LLM_API_KEY: "bench",
            RESEARCH_PROXY_URL: inject("fakeWebUrl"),
            BENCH_URL: process.env.BENCH_URL ?? "",
            BENCH_LLM_LATENCY_MS: process.env.BENCH_LLM_LATENCY_MS ?? "200",
            BENCH_SITE_LATENCY_MS: process.env.BENCH_SITE_LATENCY_MS ?? "300",
          },
        },
      })),
    ],
    test: {
      name: "bench-research",
      include: ["bench/research.workerd.ts"],
      setupFiles: ["./test/setup/apply-migrations.ts"],
      globalSetup: ["./bench/research.global-setup.mts"],
      testTimeout: 900_000,
      hookTimeout: 120_000,
    },
  };
});
