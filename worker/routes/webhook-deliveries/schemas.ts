import { z } from "@hono/zod-openapi";
import type { WebhookDelivery } from "../../db/schema";

/** A webhook delivery as the API shows it: the host of its URL, never the whole URL (it may carry a token). */
export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: "The `Openline-Delivery` header the receiver saw", example: "whd_0196a3f2c1d4e5f6a7b8c9d0_1" }),
    event: z.string().openapi({ example: "job.succeeded", description: "job.succeeded, job.failed, job.paused or webhook.test" }),
    jobId: z.string().nullable(),
    urlHost: z.string().openapi({ example: "crm.acme.example" }),
    status: z.enum(["delivered", "retrying", "failed"]).openapi({ description: "retrying: the queue sends it again at nextRetryAt; failed: no retry is coming" }),
    attempts: z.number().int(),
    lastResponseCode: z.number().int().nullable().openapi({ description: "HTTP status of the last attempt; null when it got no answer" }),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string(),
    nextRetryAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("WebhookDelivery");

export function publicDelivery(row: WebhookDelivery): z.infer<typeof WebhookDeliverySchema> {
  return {
    id: row.id,
    event: row.event,
    jobId: row.jobId,
    urlHost: row.urlHost,
    status: row.status,
    attempts: row.attempts,
    lastResponseCode: row.lastResponseCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    nextRetryAt: row.nextRetryAt,
    createdAt: row.createdAt,
  };
}

export const deliveryExample = {
  id: "whd_0196a3f2c1d4e5f6a7b8c9d0_1",
  event: "job.succeeded",
  jobId: "job_0196a3f2c1d4e5f6a7b8c9d0",
  urlHost: "crm.acme.example",
  status: "retrying",
  attempts: 2,
  lastResponseCode: 503,
  lastError: "answered 503",
  lastAttemptAt: "2026-11-22T10:15:40.000Z",
  nextRetryAt: "2026-11-22T10:18:20.000Z",
  createdAt: "2026-11-22T10:15:00.000Z",
};

/** Sending by hand (redelivery, test events) POSTs at once: limited per user like other costly calls. */
export const MANUAL_SEND_LIMIT = { name: "webhook-send:user", limit: 60, windowSeconds: 3600 };
