// Secrets are not in wrangler.toml, so `wrangler types` cannot see them (unless a local .dev.vars
// exists); they are declared here for both the global Env and cloudflare:workers' Cloudflare.Env.
interface OpenlineSecrets {
  JWT_SECRET: string;
  LLM_API_KEY?: string;
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_BASE?: string;
  STRIPE_PRICE_STARTER?: string;
  STRIPE_PRICE_GROWTH?: string;
  STRIPE_PRICE_PRO?: string;
  STRIPE_PRICE_PACK?: string;
}
interface Env extends OpenlineSecrets {}
declare namespace Cloudflare {
  interface Env extends OpenlineSecrets {}
}
