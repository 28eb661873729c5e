import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** The API Worker's tests, inside workerd with the real bindings from wrangler.toml. */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // Email goes to a recording stand-in for Cloudflare Email Service (test/workers/email-outbox.mjs):
          // the binding wrangler.toml declares is replaced (an object here replaces the list), and the
          // Worker's code calls EMAIL.send() as in production.
          email: { send_email: [] },
          serviceBindings: { EMAIL: "email-outbox" },
          workers: [
            { name: "email-outbox", modules: true, scriptPath: "./test/workers/email-outbox.mjs", compatibilityDate: "2026-11-01" },
          ],
          bindings: {
            TEST_MIGRATIONS: migrations,
            JWT_SECRET: "test-secret-that-is-at-least-32-characters-long",
            ADMIN_EMAILS: "admin@openline.test",
            LLM_BASE_URL: `${inject("fakeLlmUrl")}/v1`,
            LLM_API_KEY: "test-llm-key",
            // Jobs tests: short LLM timeouts and backoff so injected faults cost milliseconds.
            LLM_TIMEOUT_MS: "1500",
            LLM_RETRY_BASE_MS: "50",
            // Ten calls in flight, as before streaming raised the default: the fake LLM and the tests
            // share two cores, and 24 streams at once starve them into timeouts.
            LLM_CONCURRENCY: "10",
            // Miniflare runs one consumer invocation at a time: a window of two batches, as deployed
            // (max_batch_size × max_concurrency) would be with one consumer.
            JOB_QUEUE_WINDOW: "40",
            STRIPE_API_BASE: inject("fakeStripeUrl"),
            // Website research goes through the fake web (test/node/fakes/web-server.ts).
            RESEARCH_PROXY_URL: inject("fakeWebUrl"),
            STRIPE_SECRET_KEY: "sk_test_openline",
            STRIPE_WEBHOOK_SECRET: "whsec_test_openline",
            STRIPE_PRICE_STARTER: "price_starter",
            STRIPE_PRICE_GROWTH: "price_growth",
            STRIPE_PRICE_PRO: "price_pro",
            STRIPE_PRICE_PACK: "price_pack",
            LOG_LEVEL: "warn",
            // A failed email is retried through the queue at once, not after 30 s.
            EMAIL_RETRY_BASE_SECONDS: "0",
            // The fake webhook receivers listen on 127.0.0.1 (production refuses such targets).
            ALLOW_LOCAL_WEBHOOKS: "true",
            PREVIEW_ROWS_PER_DAY: "100",
          },
        },
      })),
    ],
    test: {
      name: "api",
      include: ["test/api/**/*.test.ts", "test/unit/**/*.test.ts"],
      setupFiles: ["./test/setup/apply-migrations.ts"],
      globalSetup: ["./test/node/fake-services.ts"],
      testTimeout: 30_000,
    },
  };
});
