import { ConfigSchema, type Config } from "./config";

const cache = new WeakMap<object, Config>();

/**
 * Parses the env's plain variables (bindings are ignored); memoised per env object. Called only at the
 * edges — the request middleware, the queue and cron entries, a Durable Object's constructor — which
 * pass the result on; `npm run deps:check` refuses an import of this file anywhere else (ADR 073).
 */
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
