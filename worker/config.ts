import { z } from "zod";

/**
 * The Worker's configuration, parsed at the edge of each entry, once per invocation: an HTTP request
 * (requestContext, into `c.var.config` for the handlers), a queue batch (queues/index.ts, passed to
 * the consumers), so a missing or malformed variable fails loudly there instead of deep inside one.
 * Domain code below the edge that only has `env` reads the same parsed object through getConfig
 * (memoised per env object: it never parses twice for one invocation).
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

/** The JWT_SECRET of .dev.vars.example: a published value, so anyone could sign tokens with it. */
export const EXAMPLE_JWT_SECRET = "change-me-to-a-long-random-string";

/** A run on this machine (npm start, tests): APP_URL points at localhost. */
export function isLocalAppUrl(appUrl: string): boolean {
  const host = new URL(appUrl).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "[::1]";
}

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

export const ConfigSchema = z.object({
  APP_URL: z.url().default("http://localhost:8787"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters"),
  JWT_ISSUER: z.string().default("openline"),
  JWT_AUDIENCE: z.string().default("openline-api"),
  ADMIN_EMAILS: commaList,
  // Sender of every email (the send_email binding EMAIL); its domain must be onboarded to Email Service.
  EMAIL_FROM: z.email().default("no-reply@openline.localhost"),
  // First wait before a failed email is sent again through the queue (then ×4 per attempt, ≤ 1 h).
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  LLM_BASE_URL: z.url().default("https://api.deepseek.com"),
  LLM_API_KEY: z.string().optional(),
  // DeepSeek retired `deepseek-chat` on 2026-07-24; `deepseek-flash` is its current fast model (ADR 074).
  LLM_MODEL: z.string().default("deepseek-flash"),
  // DeepSeek's models think before answering unless told not to: slower and billed as output for an
  // opening line that needs no reasoning. `auto` sends `thinking: {type: "disabled"}` to DeepSeek's
  // API only (other OpenAI-compatible APIs may refuse the field); `disabled`/`enabled` always send it.
  LLM_THINKING: z.enum(["auto", "disabled", "enabled"]).default("auto"),
  // Jobs pipeline (issue #4): per-call timeout, attempts per call (429/5xx/timeouts), first backoff
  // step, LLM calls in flight per queue-consumer invocation, and prospects per LLM call.
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(60_000),
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  LLM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  // A stream quiet this long is stalled (retried once, then its rows fail); LLM_TIMEOUT_MS is the
  // wait for the first token. LLM_STREAM=false asks for whole answers (ADR 065).
  LLM_STALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  LLM_STREAM: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(24),
  // Chunk messages of one job kept in the queue at once (fair share between jobs, ADR 067); set it to
  // max_batch_size × max_concurrency of the chunk consumer.
  JOB_QUEUE_WINDOW: z.coerce.number().int().min(1).max(5000).default(200),
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
  // Security (issue #18, ADR 068): webhooks to loopback/private targets only in tests and npm start;
  // uploaded files and job results are deleted this many days after the job (or upload) was made.
  ALLOW_LOCAL_WEBHOOKS: flag,
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Rows of previews one account may run per UTC day (previews are free).
  PREVIEW_ROWS_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(100),
}).superRefine((config, ctx) => {
  // Outside local runs, the example secret would let anyone sign access tokens: refuse to run.
  if (config.JWT_SECRET === EXAMPLE_JWT_SECRET && !isLocalAppUrl(config.APP_URL)) {
    ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "JWT_SECRET is the example value from .dev.vars.example; set a random secret (wrangler secret put JWT_SECRET)" });
  }
});

export type Config = z.infer<typeof ConfigSchema>;
