import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { hmacSha256Hex } from "../lib/crypto";
import type { WebhookMessage } from "./types";

/**
 * Outbound job webhooks: `POST {type, data: job}` signed like Stripe's, `Openline-Signature:
 * t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` with the user's webhook secret, retried with backoff
 * through the queue until the receiver answers 2xx.
 */
export const SIGNATURE_HEADER = "Openline-Signature";
export const DELIVERY_HEADER = "Openline-Delivery";
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const USER_DELETED = "user deleted";

export async function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  return `t=${timestamp},v1=${await hmacSha256Hex(secret, `${timestamp}.${body}`)}`;
}

export function webhookBody(message: WebhookMessage): string {
  return JSON.stringify({ id: message.deliveryId, type: message.event, createdAt: message.createdAt, data: message.data });
}

/** Seconds before the next delivery attempt: 10 s, 40 s, 160 s, … capped at an hour. */
export function webhookRetryDelay(attempts: number): number {
  return Math.min(3600, 10 * 4 ** Math.max(0, attempts - 1));
}

export type DeliveryResult = { delivered: true; status: number } | { delivered: false; status: number | null; reason: string; final?: boolean };

/** One signed POST: the same `body` and delivery id each time, a fresh timestamp and signature. */
export interface SignedPost {
  deliveryId: string;
  userId: string;
  url: string;
  body: string;
}

export async function deliverWebhook(env: Env, message: WebhookMessage): Promise<DeliveryResult> {
  return postSigned(env, { deliveryId: message.deliveryId, userId: message.userId, url: message.url, body: webhookBody(message) });
}

export async function postSigned(env: Env, post: SignedPost): Promise<DeliveryResult> {
  const [user] = await getDb(env).select({ secret: users.webhookSecret }).from(users).where(eq(users.id, post.userId));
  // The account is gone: nobody to notify.
  if (!user) return { delivered: false, status: null, reason: USER_DELETED, final: true };
  try {
    const response = await fetch(post.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Openline-Webhooks/1",
        [DELIVERY_HEADER]: post.deliveryId,
        [SIGNATURE_HEADER]: await signatureHeader(user.secret, post.body),
      },
      body: post.body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { delivered: true, status: response.status };
    return { delivered: false, status: response.status, reason: `answered ${response.status}` };
  } catch (error) {
    return { delivered: false, status: null, reason: error instanceof Error ? error.message : String(error) };
  }
}
