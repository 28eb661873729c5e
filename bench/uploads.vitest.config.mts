import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "./workerd-config.mjs";

/**
 * The upload benchmark: bench/uploads.bench.mjs starts one run per case (BENCH_CASE) so each case
 * gets a fresh workerd process whose memory it can watch.
 */
export default defineConfig(() =>
  workerdBenchConfig({
    name: "uploads",
    testTimeout: 900_000,
    bindings: () => ({
      BENCH_CASE: process.env.BENCH_CASE ?? "",
      // The benchmark's 187 MB file is over the default 100 MB limit.
      MAX_UPLOAD_BYTES: String(256 * 1024 * 1024),
    }),
  }),
);
