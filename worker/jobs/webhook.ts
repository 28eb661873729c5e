import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import type { Config } from "../config";
import { hmacSha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { checkPublicHttpTarget } from "../lib/public-url";
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

/**
 * Why a webhook URL may not be called, or null: only public targets, unless ALLOW_LOCAL_WEBHOOKS
 * (tests, local runs) lets loopback and private ones through.
 */
export function webhookUrlRefusal(config: Config, url: string): string | null {
  if (config.ALLOW_LOCAL_WEBHOOKS) return null;
  const verdict = checkPublicHttpTarget(url);
  return verdict.ok ? null : verdict.reason;
}

/** 400 for a webhookUrl that points at a private network, a local name, credentials or another port. */
export function assertWebhookUrl(config: Config, url: string | undefined, path = "webhookUrl"): void {
  const reason = url === undefined ? null : webhookUrlRefusal(config, url);
  if (reason) {
    throw new ApiError(
      "invalid_request",
      `${path} must be a public http(s) address on the default port, by name, without credentials.`,
      { issues: [{ path, code: reason, message: `Refused: ${reason.replace("_", " ")}.` }] },
    );
  }
}

/** One signed POST: the same `body` and delivery id each time, a fresh timestamp and signature. */
export interface SignedPost {
  deliveryId: string;
  userId: string;
  url: string;
  body: string;
}

/** `send` is the invocation's connection budget's fetch (worker/lib/connections.ts) in the consumer. */
export async function deliverWebhook(env: Env, config: Config, message: WebhookMessage, send: typeof fetch = fetch): Promise<DeliveryResult> {
  return postSigned(env, config, { deliveryId: message.deliveryId, userId: message.userId, url: message.url, body: webhookBody(message) }, send);
}

export async function postSigned(env: Env, config: Config, post: SignedPost, send: typeof fetch = fetch): Promise<DeliveryResult> {
  // Checked again on every send: a job made before the rule, a stored delivery, or the setting since turned off.
  const refusal = webhookUrlRefusal(config, post.url);
  if (refusal) return { delivered: false, status: null, reason: `url refused: ${refusal}`, final: true };
  const [user] = await getDb(env).select({ secret: users.webhookSecret }).from(users).where(eq(users.id, post.userId));
  // The account is gone: nobody to notify.
  if (!user) return { delivered: false, status: null, reason: USER_DELETED, final: true };
  try {
    const response = await send(post.url, {
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
