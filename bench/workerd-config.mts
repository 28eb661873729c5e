import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import type { ViteUserConfig } from "vitest/config";

/** What one benchmark adds to the base every workerd benchmark shares. */
export interface WorkerdBench {
  /** The vitest project name and the file it runs: `bench/<name>.workerd.ts`. */
  name: string;
  /** Its own bindings (BENCH_* knobs, fake services' URLs from `inject`). */
  bindings: (inject: (key: string) => string) => Record<string, string>;
  /** The benchmark's D1 needs the migrations applied (the grounding benchmark has no D1 work). */
  d1?: boolean;
  /** A Node-side setup that starts the fakes (bench/<name>.global-setup.mts). */
  globalSetup?: string;
  testTimeout: number;
}

/**
 * A benchmark inside workerd with the real Worker (wrangler.toml: D1, R2, queues, Durable Objects),
 * as the tests run it; bench/results-server.mjs receives its figures at BENCH_URL.
 */
export async function workerdBenchConfig(bench: WorkerdBench): Promise<ViteUserConfig> {
  const migrations = bench.d1 === false ? null : await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            ...(migrations && { TEST_MIGRATIONS: migrations }),
            JWT_SECRET: "bench-secret-that-is-at-least-32-characters-long",
            LOG_LEVEL: "error",
            BENCH_URL: process.env.BENCH_URL ?? "",
            ...bench.bindings(inject as unknown as (key: string) => string),
          },
        },
      })),
    ],
    test: {
      name: `bench-${bench.name}`,
      include: [`bench/${bench.name}.workerd.ts`],
      setupFiles: migrations ? ["./test/setup/apply-migrations.ts"] : [],
      globalSetup: bench.globalSetup ? [bench.globalSetup] : [],
      testTimeout: bench.testTimeout,
      hookTimeout: 120_000,
    },
  };
}
