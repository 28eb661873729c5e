import { SEND_BATCH_MAX } from "../constants";
import { notifyJobEvent } from "../notify";
import type { ChunkMessage, JobRecord, WebhookEvent, WebhookMessage } from "../types";
import { LEASABLE, type ChunkRow } from "./chunks";
import type { RoomContext } from "./context";

/** Sends the chunks' messages to the queue, SEND_BATCH_MAX at a time, and marks each group queued. */
export async function sendChunks(room: RoomContext, chunks: ChunkRow[]): Promise<void> {
  const job = room.jobs.require();
  for (let i = 0; i < chunks.length; i += SEND_BATCH_MAX) {
    const group = chunks.slice(i, i + SEND_BATCH_MAX);
    const messages: ChunkMessage[] = group.map((c) => ({
      type: "chunk",
      jobId: job.id,
      userId: job.userId,
      chunk: c.idx,
      run: c.run,
      start: c.start,
      end: c.end,
      firstRow: c.first_row,
      rowCount: c.row_count,
    }));
    // A failed send leaves the chunks pending; the watchdog sends them again.
    await room.env.JOBS.sendBatch(messages.map((body) => ({ body })));
    const now = Date.now();
    for (const c of group) room.chunks.transition(LEASABLE, "queued", { idx: c.idx, set: { enqueued_at: now } });
  }
}

/**
 * Queues the job's webhook for `event`, if it has a URL; a failed send is logged, not thrown. The
 * same event mails the user (worker/jobs/notify.ts, ADR 058), in the background.
 */
export async function sendWebhook(room: RoomContext, job: JobRecord, event: WebhookEvent): Promise<void> {
  room.ctx.waitUntil(notifyJobEvent(room.env, room.config, job.userId, room.live.snapshot(), event));
  if (!job.settings.webhookUrl) return;
  job.webhooks += 1;
  room.jobs.save(job);
  const message: WebhookMessage = {
    type: "webhook",
    jobId: job.id,
    userId: job.userId,
    deliveryId: `whd_${job.id.slice(4)}_${job.webhooks}`,
    event,
    url: job.settings.webhookUrl,
    data: room.live.snapshot(),
    createdAt: new Date().toISOString(),
  };
  try {
    await room.env.JOBS.send(message);
  } catch (error) {
    room.log.error("webhook enqueue failed", { jobId: job.id, event, error });
  }
}
