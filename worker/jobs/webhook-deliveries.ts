import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { webhookDeliveries, type WebhookDelivery } from "../db/schema";
import { randomHex } from "../lib/ids";
import { hostOf } from "../lib/public-url";
import type { WebhookMessage } from "./types";
import { postSigned, USER_DELETED, webhookBody, webhookRetryDelay, type DeliveryResult } from "./webhook";

/**
 * The record of webhook deliveries (ADR 063): every attempt updates its delivery's row, so a user sees
 * each delivery's status, attempts, last answer and next retry, and can send it again (same id and
 * body, signed anew). URLs are stored for redelivery but only their host is shown or logged.
 */
export const TEST_EVENT = "webhook.test";
export const DELIVERY_RETENTION_DAYS = 30;

export type DeliveryStatus = WebhookDelivery["status"];

/** What a delivery is, apart from its attempts. */
export interface DeliverySubject {
  id: string;
  userId: string;
  jobId: string | null;
  event: string;
  url: string;
  body: string;
}

/** One attempt's outcome on the delivery's row (created by its first attempt). `retryInSeconds`: the queue sends it again. */
export async function recordAttempt(env: Env, subject: DeliverySubject, result: DeliveryResult, retryInSeconds: number | null, now = new Date()): Promise<void> {
  const status: DeliveryStatus = result.delivered ? "delivered" : retryInSeconds === null ? "failed" : "retrying";
  const outcome = {
    status,
    lastResponseCode: result.status,
    lastError: result.delivered ? null : result.reason.slice(0, 500),
    lastAttemptAt: now.toISOString(),
    nextRetryAt: retryInSeconds === null || result.delivered ? null : new Date(now.getTime() + retryInSeconds * 1000).toISOString(),
  };
  const { id, userId, jobId, event, url, body } = subject;
  await getDb(env)
    .insert(webhookDeliveries)
    .values({ id, userId, jobId, event, url, body, urlHost: hostOf(url), attempts: 1, ...outcome, createdAt: now.toISOString() })
    .onConflictDoUpdate({ target: webhookDeliveries.id, set: { ...outcome, attempts: sql`${webhookDeliveries.attempts} + 1` } });
}

export function subjectOf(message: WebhookMessage): DeliverySubject {
  return { id: message.deliveryId, userId: message.userId, jobId: message.jobId, event: message.event, url: message.url, body: webhookBody(message) };
}

export type QueueOutcome = { kind: "ack" } | { kind: "retry"; delaySeconds: number; reason: string };

/**
 * The queue's delivery of a job webhook: one signed POST, recorded; anything but 2xx is retried with
 * backoff. `send`: the invocation's connection budget's fetch (worker/lib/connections.ts).
 */
export async function deliverQueued(env: Env, config: Config, message: WebhookMessage, attempts: number, send: typeof fetch = fetch): Promise<QueueOutcome> {
  const subject = subjectOf(message);
  const result = await postSigned(env, config, { deliveryId: subject.id, userId: subject.userId, url: subject.url, body: subject.body }, send);
  if (!result.delivered && result.reason === USER_DELETED) return { kind: "ack" };
  const retryIn = result.delivered || result.final ? null : webhookRetryDelay(attempts);
  await recordAttempt(env, subject, result, retryIn);
  return retryIn === null ? { kind: "ack" } : { kind: "retry", delaySeconds: retryIn, reason: result.delivered ? "" : result.reason };
}

/** The queue gave up on a delivery (dead-letter queue): no retry is coming any more. */
export async function markGivenUp(env: Env, deliveryId: string): Promise<void> {
  await getDb(env).update(webhookDeliveries).set({ status: "failed", nextRetryAt: null }).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "retrying")));
}

/** Sends a recorded delivery again now: the same id and body, signed with a fresh timestamp (and the current secret). */
export async function redeliver(env: Env, config: Config, delivery: WebhookDelivery): Promise<WebhookDelivery> {
  const result = await postSigned(env, config, { deliveryId: delivery.id, userId: delivery.userId, url: delivery.url, body: delivery.body });
  await recordAttempt(env, delivery, result, null);
  return (await findDelivery(env, delivery.userId, delivery.id))!;
}

/** A `webhook.test` event to `url`, sent now and recorded like any delivery. */
export async function sendTestEvent(env: Env, config: Config, userId: string, url: string, now = new Date()): Promise<WebhookDelivery> {
  const id = `whd_test_${now.getTime().toString(16)}${randomHex(8)}`;
  const body = JSON.stringify({ id, type: TEST_EVENT, createdAt: now.toISOString(), data: { message: "A test event from Openline: your endpoint and signature check work." } });
  const subject: DeliverySubject = { id, userId, jobId: null, event: TEST_EVENT, url, body };
  await recordAttempt(env, subject, await postSigned(env, config, { deliveryId: id, userId, url, body }), null, now);
  return (await findDelivery(env, userId, id))!;
}

export async function findDelivery(env: Env, userId: string, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await getDb(env).select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.userId, userId)));
  return row;
}

/** The URL of the user's latest delivery, for "send a test event" without typing it again. */
export async function lastDeliveryUrl(env: Env, userId: string): Promise<string | null> {
  const [row] = await getDb(env).select({ url: webhookDeliveries.url }).from(webhookDeliveries).where(eq(webhookDeliveries.userId, userId)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(1);
  return row?.url ?? null;
}

/** Keyset pages, newest first; the cursor is `<createdAt>~<id>` of the last row returned. */
export async function listDeliveries(env: Env, userId: string, limit: number, cursor?: string): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  const [at, id] = cursor?.split("~") ?? [];
  const after = at && id ? or(lt(webhookDeliveries.createdAt, at), and(eq(webhookDeliveries.createdAt, at), lt(webhookDeliveries.id, id))) : undefined;
  const rows = await getDb(env)
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.userId, userId), after))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? `${last.createdAt}~${last.id}` : null };
}

/** Hourly maintenance: deliveries older than the retention are deleted. */
export async function deleteOldDeliveries(env: Env, now = Date.now()): Promise<number> {
  const before = new Date(now - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const removed = await getDb(env).delete(webhookDeliveries).where(lt(webhookDeliveries.createdAt, before)).returning({ id: webhookDeliveries.id });
  return removed.length;
}
