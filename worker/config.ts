import { z } from "zod";

/**
 * The Worker's configuration, parsed once per isolate at the edge of the Worker: a missing or
 * malformed variable fails loudly here instead of deep inside a request.
 */
const commaList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const ConfigSchema = z.object({
  APP_URL: z.url().default("http://localhost:8787"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters"),
  JWT_ISSUER: z.string().default("openline"),
  JWT_AUDIENCE: z.string().default("openline-api"),
  ADMIN_EMAILS: commaList,
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  LLM_BASE_URL: z.url().default("https://api.deepseek.com"),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default("deepseek-chat"),
  // Jobs pipeline (issue #4): per-call timeout, attempts per call (429/5xx/timeouts), first backoff
  // step, LLM calls in flight per queue-consumer invocation, and prospects per LLM call.
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  LLM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(10),
  LLM_ROWS_PER_REQUEST: z.coerce.number().int().min(1).max(10).default(5),
  // A running chunk saves its finished rows to R2 at most this often (what a crash can cost).
  JOB_CHECKPOINT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  // Website research (issue #13): tests and local fakes only — every research fetch goes to
  // `<RESEARCH_PROXY_URL>?url=<target>`, the target still checked by every guard. Unset in production.
  RESEARCH_PROXY_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.url().optional(),
  STRIPE_PRICE_STARTER: z.string().optional(),
  STRIPE_PRICE_GROWTH: z.string().optional(),
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_PACK: z.string().optional(),
  // Display prices in minor units (cents), one per Stripe price above. Kept as strings and checked by
  // the catalogue (worker/billing/catalogue.ts), so a bad value disables one item instead of the Worker.
  STRIPE_PRICE_STARTER_AMOUNT: z.string().optional(),
  STRIPE_PRICE_GROWTH_AMOUNT: z.string().optional(),
  STRIPE_PRICE_PRO_AMOUNT: z.string().optional(),
  STRIPE_PRICE_PACK_AMOUNT: z.string().optional(),
  BILLING_CURRENCY: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

const cache = new WeakMap<object, Config>();

/** Parses the env's plain variables (bindings are ignored); memoised per env object. */
export function getConfig(env: Env): Config {
  let config = cache.get(env);
  if (!config) {
    // Empty strings mean "not set" for optional variables.
    const raw = Object.fromEntries(
      Object.entries(env).filter(([, value]) => typeof value === "string" && value !== ""),
    );
    config = ConfigSchema.parse(raw);
    cache.set(env, config);
  }
  return config;
}
