import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { getConfig } from "../config";
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
export const WEBHOOK_TIMEOUT_MS = 10_000;

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
export function webhookUrlRefusal(env: Env, url: string): string | null {
  if (getConfig(env).ALLOW_LOCAL_WEBHOOKS) return null;
  const verdict = checkPublicHttpTarget(url);
  return verdict.ok ? null : verdict.reason;
}

/** 400 for a webhookUrl that points at a private network, a local name, credentials or another port. */
export function assertWebhookUrl(env: Env, url: string | undefined): void {
  const reason = url === undefined ? null : webhookUrlRefusal(env, url);
  if (reason) {
    throw new ApiError(
      "invalid_request",
      "webhookUrl must be a public http(s) address on the default port, by name, without credentials.",
      { issues: [{ path: "webhookUrl", code: reason, message: `Refused: ${reason.replace("_", " ")}.` }] },
    );
  }
}

/** `send` is the invocation's connection budget's fetch (worker/lib/connections.ts) in the consumer. */
export async function deliverWebhook(env: Env, message: WebhookMessage, send: typeof fetch = fetch): Promise<DeliveryResult> {
  // Checked again on delivery: a job made before the rule, or with the setting since turned off.
  const refusal = webhookUrlRefusal(env, message.url);
  if (refusal) return { delivered: false, status: null, reason: `url refused: ${refusal}`, final: true };
  const [user] = await getDb(env).select({ secret: users.webhookSecret }).from(users).where(eq(users.id, message.userId));
  // The account is gone: nobody to notify.
  if (!user) return { delivered: false, status: null, reason: "user deleted", final: true };
  const body = webhookBody(message);
  try {
    const response = await send(message.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Openline-Webhooks/1",
        "Openline-Delivery": message.deliveryId,
        [SIGNATURE_HEADER]: await signatureHeader(user.secret, body),
      },
      body,
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
