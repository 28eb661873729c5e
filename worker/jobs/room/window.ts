import type { JobCredits } from "../../credits/contract";
import { ledgerFor } from "../../credits/ledger";
import { variantsOf } from "../../llm/types";
import { rowsToReserve, type ChunkRow } from "./chunks";
import type { RoomContext } from "./context";
import { sendChunks } from "./dispatch";

/** What a top-up did: `starved` when nothing is in the queue and the job's credits pay for no next chunk. */
export type TopUp = "sent" | "idle" | "starved";

/**
 * Fair share between jobs (ADR 067): a job keeps at most JOB_QUEUE_WINDOW of its chunks in the queue
 * (queued, or leased and not yet settled) and sends the next ones as those finish. Queues deliver in
 * order, so a job that sent all its chunks at once put every later job behind all of them; with a
 * window, a small job waits behind at most a window of each running job, whatever their size.
 * A job also never has more work in the queue than its credits pay for (ADR 068, item 7): the next
 * chunks go out only while what they and the queued ones would reserve fits what the job can still
 * reserve (`available`: its free hold, plus what a `maxCredits` budget may still take from the
 * balance); running chunks have reserved theirs already. `credits` is the ledger's latest answer
 * when the caller has one (a settlement), else the ledger is asked.
 */
export async function topUpWindow(room: RoomContext, credits?: JobCredits): Promise<TopUp> {
  const window = room.config.JOB_QUEUE_WINDOW;
  const inFlight = room.chunks.count(["queued", "running", "settling"]);
  const candidates = room.chunks.firstInState("pending", window - inFlight);
  if (candidates.length === 0) return "idle";
  const job = room.jobs.require();
  const { available } = credits ?? (await ledgerFor(room.env, job.userId).jobCredits({ jobId: job.id }));
  const variants = variantsOf(job.settings.context);
  const queued = room.chunks.inState("queued").reduce((sum, c) => sum + rowsToReserve(c) * variants, 0);
  const chunks = affordable(candidates, available - queued, variants);
  if (chunks.length > 0) await sendChunks(room, chunks);
  else if (inFlight === 0) return "starved";
  return chunks.length > 0 ? "sent" : "idle";
}

/**
 * The leading chunks whose rows `credits` pay for; the last may be paid for in part (at least one
 * row: its run reserves what is left, writes those rows and blocks the job for the rest, as before).
 */
function affordable(candidates: ChunkRow[], credits: number, variants: number): ChunkRow[] {
  const chosen: ChunkRow[] = [];
  let left = credits;
  for (const c of candidates) {
    if (left < variants) break;
    chosen.push(c);
    left -= rowsToReserve(c) * variants;
  }
  return chosen;
}
