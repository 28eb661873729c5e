import { app } from "./app";
import { consumeQueue } from "../queues";
import { runMaintenance } from "./maintenance";

export { CreditLedger } from "../durable-objects/credit-ledger";
export { JobRoom } from "../durable-objects/job-room";

export default {
  fetch: app.fetch,
  queue: consumeQueue,
  scheduled: async (_controller, env, ctx) => {
    ctx.waitUntil(runMaintenance(env));
  },
} satisfies ExportedHandler<Env>;
