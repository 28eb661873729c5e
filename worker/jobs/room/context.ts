import type { Config } from "../../config";
import type { JobCredits } from "../../credits/contract";
import type { Logger } from "../../lib/logger";
import type { JobRecord } from "../types";
import type { ChunkRepository } from "./chunks";
import type { LiveFanOut } from "./fan-out";
import type { JobRecordStore } from "./job-record";

/**
 * What the room's modules share: its storage (job record and chunks), its fan-out, its bindings and
 * the configuration, parsed once when the room starts.
 */
export interface RoomContext {
  ctx: DurableObjectState;
  env: Env;
  config: Config;
  jobs: JobRecordStore;
  chunks: ChunkRepository;
  live: LiveFanOut;
  log: Logger;
}

export function applyCredits(job: JobRecord, credits: JobCredits): void {
  job.creditsHeld = credits.held;
  job.creditsCharged = credits.charged;
}
