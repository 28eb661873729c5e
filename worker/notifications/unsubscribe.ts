import type { Config } from "../config";
import { hmacSha256Hex, timingSafeEqual } from "../lib/crypto";
import { appLink, type NotificationKind, type Unsubscribe } from "../email/templates";
import { NOTIFICATION_KINDS } from "./preferences";

/**
 * One-click unsubscribe tokens (ADR 058): `<userId>.<kind>.<HMAC-SHA256 of both with JWT_SECRET>`. No
 * login and no expiry (an old email's link still works); a token only ever turns one kind off for
 * one user, so it is harmless to leak.
 */
const sign = (config: Config, userId: string, kind: string) => hmacSha256Hex(config.JWT_SECRET, `unsubscribe:${userId}:${kind}`);

export async function unsubscribeToken(config: Config, userId: string, kind: NotificationKind): Promise<string> {
  return `${userId}.${kind}.${await sign(config, userId, kind)}`;
}

export async function readUnsubscribeToken(config: Config, token: string): Promise<{ userId: string; kind: NotificationKind } | null> {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (!userId || !kind || !signature || rest.length > 0) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const encoder = new TextEncoder();
  const expected = await sign(config, userId, kind);
  if (!timingSafeEqual(encoder.encode(signature), encoder.encode(expected))) return null;
  return { userId, kind: kind as NotificationKind };
}

/** The links a notification carries: the web page for people, the API endpoint for mail clients. */
export async function unsubscribeLinks(config: Config, userId: string, kind: NotificationKind): Promise<Unsubscribe> {
  const token = await unsubscribeToken(config, userId, kind);
  const appUrl = config.APP_URL;
  return { pageUrl: appLink(appUrl, "/unsubscribe", { token }), oneClickUrl: appLink(appUrl, "/v1/notifications/unsubscribe", { token }) };
}
