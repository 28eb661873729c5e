import { DurableObject } from "cloudflare:workers";

/** One per job: status machine, progress counters and WebSocket fan-out. Built out by the jobs issue. */
export class JobRoom extends DurableObject<Env> {}
