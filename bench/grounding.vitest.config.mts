import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "./workerd-config.mjs";

/** The grounding benchmark: the line checks inside workerd, the runtime they run in; no D1, queue or LLM. */
export default defineConfig(() =>
  workerdBenchConfig({
    name: "grounding",
    d1: false,
    testTimeout: 600_000,
    bindings: () => ({ BENCH_REPEATS: process.env.BENCH_REPEATS ?? "100" }),
  }),
);
