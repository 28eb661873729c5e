import Stripe from "stripe";
import type { Config } from "../config";
import { ApiError } from "../lib/errors";
import type { Logger } from "../lib/logger";

const clients = new WeakMap<object, Stripe>();

/**
 * The Stripe client of this configuration (one per isolate), over fetch (no Node http in workerd). STRIPE_API_BASE points it at
 * another host (the fake Stripe in tests); unset, it talks to api.stripe.com.
 */
export function stripeFor(config: Config): Stripe {
  let client = clients.get(config);
  if (!client) {
    if (!config.STRIPE_SECRET_KEY) throw billingUnavailable("STRIPE_SECRET_KEY is not set.");
    const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : null;
    client = new Stripe(config.STRIPE_SECRET_KEY, {
      httpClient: Stripe.createFetchHttpClient(),
      maxNetworkRetries: 1,
      timeout: 15_000,
      ...(base && {
        host: base.hostname,
        port: base.port || (base.protocol === "http:" ? 80 : 443),
        protocol: base.protocol === "http:" ? "http" : "https",
      }),
    });
    clients.set(config, client);
  }
  return client;
}

/** The web crypto provider the webhook check needs in workerd (no Node crypto). */
export const subtleCrypto = Stripe.createSubtleCryptoProvider();

export function billingUnavailable(why: string): ApiError {
  return new ApiError("service_unavailable", "Billing is not configured on this server.", { why });
}

/**
 * Runs a Stripe call; Stripe's own failures (network, outage, a misconfigured price) become 503
 * `service_unavailable` with the cause logged, never a raw 500.
 */
export async function callStripe<T>(log: Logger, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      log.error("stripe call failed", { what, type: error.type, code: error.code, status: error.statusCode, message: error.message });
      throw new ApiError("service_unavailable", "The payment provider did not answer as expected; try again in a moment.", {
        provider: "stripe",
      });
    }
    throw error;
  }
}
