import { getConfig } from "../config";
import { hmacSha256Hex, timingSafeEqual } from "../lib/crypto";
import { appLink, type NotificationKind, type Unsubscribe } from "../email/templates";
import { NOTIFICATION_KINDS } from "./preferences";

/**
 * One-click unsubscribe tokens (ADR 058): `<userId>.<kind>.<HMAC-SHA256 of both with JWT_SECRET>`. No
 * login and no expiry (an old email's link still works); a token only ever turns one kind off for
 * one user, so it is harmless to leak.
 */
const sign = (env: Env, userId: string, kind: string) => hmacSha256Hex(getConfig(env).JWT_SECRET, `unsubscribe:${userId}:${kind}`);

export async function unsubscribeToken(env: Env, userId: string, kind: NotificationKind): Promise<string> {
  return `${userId}.${kind}.${await sign(env, userId, kind)}`;
}

export async function readUnsubscribeToken(env: Env, token: string): Promise<{ userId: string; kind: NotificationKind } | null> {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (!userId || !kind || !signature || rest.length > 0) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const encoder = new TextEncoder();
  const expected = await sign(env, userId, kind);
  if (!timingSafeEqual(encoder.encode(signature), encoder.encode(expected))) return null;
  return { userId, kind: kind as NotificationKind };
}

/** The links a notification carries: the web page for people, the API endpoint for mail clients. */
export async function unsubscribeLinks(env: Env, userId: string, kind: NotificationKind): Promise<Unsubscribe> {
  const token = await unsubscribeToken(env, userId, kind);
  const appUrl = getConfig(env).APP_URL;
  return { pageUrl: appLink(appUrl, "/unsubscribe", { token }), oneClickUrl: appLink(appUrl, "/v1/notifications/unsubscribe", { token }) };
}
