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
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.url().optional(),
  STRIPE_PRICE_STARTER: z.string().optional(),
  STRIPE_PRICE_GROWTH: z.string().optional(),
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_PACK: z.string().optional(),
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
