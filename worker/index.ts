import { env } from "cloudflare:workers";
import { app } from "./app";
import { checkCatalogueAtStartup } from "./billing/catalogue";
import { consumeQueue } from "../queues";
import { getConfig } from "./parse-config";
import { runMaintenance } from "./maintenance";

export { CreditLedger } from "../durable-objects/credit-ledger";
export { JobRoom } from "../durable-objects/job-room";

// Built when the Worker starts, so what billing lacks is in the log before anyone asks.
checkCatalogueAtStartup(() => getConfig(env as Env));

export default {
  fetch: app.fetch,
  queue: consumeQueue,
  scheduled: async (_controller, env, ctx) => {
    // Parsed once for the invocation, here at its edge, and passed on (like the fetch and queue edges).
    ctx.waitUntil(runMaintenance(env, getConfig(env)));
  },
} satisfies ExportedHandler<Env>;
