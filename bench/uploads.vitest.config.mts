import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * The upload benchmark runs inside workerd through the same plugin as the tests, with the real
 * Worker (wrangler.toml bindings: D1, R2, …). bench/uploads.bench.mjs starts one run per case
 * (BENCH_CASE) so each case gets a fresh workerd process whose memory it can watch.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            JWT_SECRET: "bench-secret-that-is-at-least-32-characters-long",
            LOG_LEVEL: "error",
            BENCH_URL: process.env.BENCH_URL ?? "",
            BENCH_CASE: process.env.BENCH_CASE ?? "",
            // The benchmark's 187 MB file is over the default 100 MB limit.
            MAX_UPLOAD_BYTES: String(256 * 1024 * 1024),
          },
        },
      }),
    ],
    test: {
      name: "bench-uploads",
      include: ["bench/uploads.workerd.ts"],
      setupFiles: ["./test/setup/apply-migrations.ts"],
      testTimeout: 900_000,
      hookTimeout: 120_000,
    },
  };
});
