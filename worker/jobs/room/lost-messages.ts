import { QUEUED_STALE_MS } from "../constants";
import type { ChunkRow } from "./chunks";
import type { RoomContext } from "./context";

/**
 * Which queued chunks' messages count as lost (ADR 067): a message the
 * room sent QUEUED_STALE_MS ago and no consumer has leased, while the queue has delivered nothing of
 * this job for as long. When the queue is merely slow, this job's other messages still arrive and
 * keep the chunks waiting their turn; when every process was killed (local dev) or the messages were
 * dropped, nothing arrives, and the room sends them again within about a minute. The time of the last
 * lease is kept in memory: a room that starts afresh (after a restart) has seen none, which is right.
 * A resent chunk that does arrive twice is harmless: leases are exclusive and charges keyed by run.
 */
const lastLeasedAt = new WeakMap<DurableObjectState, number>();

export function noteLeased(room: RoomContext): void {
  lastLeasedAt.set(room.ctx, Date.now());
}

export function lostQueuedChunks(room: RoomContext, now: number): ChunkRow[] {
  if (now - (lastLeasedAt.get(room.ctx) ?? 0) < QUEUED_STALE_MS) return [];
  return room.chunks.queuedBefore(now - QUEUED_STALE_MS);
}

/** When queued chunks could next count as lost (null: none is queued), for the watchdog's next round. */
export function lostCheckAt(room: RoomContext, oldestQueuedAt: number | null): number | null {
  if (oldestQueuedAt === null) return null;
  return Math.max(oldestQueuedAt, lastLeasedAt.get(room.ctx) ?? 0) + QUEUED_STALE_MS;
}
