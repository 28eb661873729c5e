import { env } from "cloudflare:workers";
import { expect } from "vitest";

/** What the email stand-in (test/workers/email-outbox.mjs) recorded for one send() call. */
export interface SentEmail {
  to: string[];
  from: { email: string; name?: string } | string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  messageId: string;
}

interface EmailOutbox {
  sentTo(address: string): Promise<SentEmail[]>;
  failNext(address: string, count?: number): Promise<void>;
  slowDown(address: string, ms: number): Promise<void>;
}

const outbox = () => env.EMAIL as unknown as EmailOutbox;

export const APP_URL = "http://localhost:8787";

export const emailsTo = (address: string) => outbox().sentTo(address);

/** The next `count` emails to the address fail at the binding (the service is down for them). */
export const failEmailsTo = (address: string, count = 1) => outbox().failNext(address, count);

/** Every email to the address takes `ms` to send (a slow email service). */
export const slowEmailsTo = (address: string, ms: number) => outbox().slowDown(address, ms);

/** Waits for the `nth` (1-based) email to the address whose subject matches (some are sent after the answer). */
export async function waitForEmail(address: string, subject: RegExp, nth = 1, timeoutMs = 10_000): Promise<SentEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matching = (await emailsTo(address)).filter((email) => subject.test(email.subject));
    if (matching.length >= nth) return matching[nth - 1]!;
    if (Date.now() > deadline) throw new Error(`no email #${nth} to ${address} matching ${subject} (got: ${matching.map((e) => e.subject).join(", ") || "none"})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The link to `path` on APP_URL the email carries, checked to be the same in its text and HTML bodies. */
export function linkIn(email: SentEmail, path: string): URL {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = new RegExp(`${escape(APP_URL)}${escape(path)}(?:\\?[^\\s"<>]+)?(?=[\\s"<>]|$)`);
  const inText = pattern.exec(email.text)?.[0];
  expect(inText, `a ${path} link in the text of "${email.subject}"`).toBeDefined();
  const inHtml = pattern.exec(email.html)?.[0]?.replace(/&amp;/g, "&");
  expect(inHtml).toBe(inText);
  return new URL(inText!);
}

export const tokenIn = (email: SentEmail, path: string) => linkIn(email, path).searchParams.get("token")!;
