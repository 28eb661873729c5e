import { app } from "./app";
import { consumeQueue } from "../queues";

export { CreditLedger } from "../durable-objects/credit-ledger";
export { JobRoom } from "../durable-objects/job-room";

export default {
  fetch: app.fetch,
  queue: consumeQueue,
} satisfies ExportedHandler<Env>;
