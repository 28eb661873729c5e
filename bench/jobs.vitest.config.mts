import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "./workerd-config.mjs";

/** The chunk consumer's max_batch_size in wrangler.toml: the messages of one invocation. */
function maxBatchSize(): string {
  const toml = readFileSync("./wrangler.toml", "utf8");
  const consumer = /\[\[queues\.consumers\]\]\s*queue = "openline-jobs"\s*max_batch_size = (\d+)/.exec(toml);
  return consumer?.[1] ?? "10";
}

/** The jobs benchmark, against the fake LLM started by bench/jobs.global-setup.mts; bench/jobs.bench.mjs runs it. */
export default defineConfig(() =>
  workerdBenchConfig({
    name: "jobs",
    globalSetup: "./bench/jobs.global-setup.mts",
    testTimeout: 1_800_000,
    bindings: (inject) => ({
      LLM_BASE_URL: `${inject("fakeLlmUrl")}/v1`,
      LLM_API_KEY: "bench",
      BENCH_TTFT_MS: process.env.BENCH_TTFT_MS ?? "400",
      BENCH_GEN_MS_PER_ROW: process.env.BENCH_GEN_MS_PER_ROW ?? "400",
      BENCH_REPEATS: process.env.BENCH_REPEATS ?? "3",
      BENCH_E2E_ROWS: process.env.BENCH_E2E_ROWS ?? "10000",
      BENCH_BATCH: process.env.BENCH_BATCH ?? maxBatchSize(),
    }),
  }),
);
