import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "./workerd-config.mjs";

/**
 * The research benchmark: research fetches go to the fake web (RESEARCH_PROXY_URL) and LLM calls to
 * the fake LLM, both started by bench/research.global-setup.mts; bench/research.bench.mjs runs it.
 */
export default defineConfig(() =>
  workerdBenchConfig({
    name: "research",
    globalSetup: "./bench/research.global-setup.mts",
    testTimeout: 900_000,
    bindings: (inject) => ({
      LLM_BASE_URL: `${inject("fakeLlmUrl")}/v1`,
      LLM_API_KEY: "bench",
      RESEARCH_PROXY_URL: inject("fakeWebUrl"),
      BENCH_LLM_LATENCY_MS: process.env.BENCH_LLM_LATENCY_MS ?? "200",
      BENCH_SITE_LATENCY_MS: process.env.BENCH_SITE_LATENCY_MS ?? "300",
    }),
  }),
);
