import type { RoomContext } from "./context";
import { sendChunks } from "./dispatch";

/**
 * Fair share between jobs (ADR 067): a job keeps at most JOB_QUEUE_WINDOW of its chunks in the queue
 * (queued, or leased and not yet settled) and sends the next ones as those finish. Queues deliver in
 * order, so a job that sent all its chunks at once put every later job behind all of them; with a
 * window, a small job waits behind at most a window of each running job, whatever their size. A job
 * also never has more work in the queue than a window's worth of its hold to pay for.
 */
export async function topUpWindow(room: RoomContext): Promise<void> {
  const window = room.config.JOB_QUEUE_WINDOW;
  const inFlight = room.chunks.count(["queued", "running", "settling"]);
  await sendChunks(room, room.chunks.firstInState("pending", window - inFlight));
}
