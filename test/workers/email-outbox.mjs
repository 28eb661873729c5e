/**
 * The outside world of email in the API tests: bound as EMAIL in place of Cloudflare Email Service
 * (vitest.workers.config.ts), it answers `send()` as the binding does, keeps every message it was
 * given, fails or slows down on request (`failNext`, `slowDown`) like a service having a bad minute. Tests read what was sent
 * with `sentTo(address)`. State lives in this isolate for the whole run; tests use unique addresses.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

const sent = [];
const failures = new Map();
const delays = new Map();
// As Cloudflare Email Service refuses them (reference/headers): fields of their own, and what it sets.
const API_FIELD_HEADERS = new Set(["from", "to", "cc", "bcc", "subject", "reply-to"]);
const PLATFORM_HEADERS = new Set(["date", "message-id", "mime-version", "content-type", "content-transfer-encoding", "dkim-signature", "return-path", "received", "feedback-id"]);
function checkHeaders(headers = {}) {
  for (const name of Object.keys(headers).map((key) => key.toLowerCase())) {
    if (API_FIELD_HEADERS.has(name)) throw new Error(`E_HEADER_USE_API_FIELD: ${name}`);
    if (PLATFORM_HEADERS.has(name) || name.startsWith("arc-")) throw new Error(`E_HEADER_NOT_ALLOWED: ${name}`);
  }
}
const recipients = (to) => (Array.isArray(to) ? to : [to]).map((r) => (typeof r === "string" ? r : r.email).toLowerCase());

export default class EmailOutbox extends WorkerEntrypoint {
  async send(message) {
    if (!message || typeof message !== "object") throw new Error("E_VALIDATION_ERROR: a message object is required");
    const to = recipients(message.to ?? []);
    if (to.length === 0 || !message.from || !message.subject || (!message.text && !message.html)) {
      throw new Error("E_VALIDATION_ERROR: from, to, subject and a body are required");
    }
    checkHeaders(message.headers);
    for (const address of to) {
      const left = failures.get(address) ?? 0;
      if (left > 0) {
        failures.set(address, left - 1);
        throw new Error("E_DELIVERY_FAILED: the outbox was told to fail");
      }
    }
    const delay = Math.max(0, ...to.map((address) => delays.get(address) ?? 0));
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const messageId = `<${crypto.randomUUID()}@outbox.test>`;
    sent.push({ ...message, to, messageId, sentAt: new Date().toISOString() });
    return { messageId };
  }

  /** Every message sent to the address, oldest first. */
  async sentTo(address) {
    return sent.filter((message) => message.to.includes(address.toLowerCase()));
  }

  /** The next `count` sends to the address throw. */
  async failNext(address, count = 1) {
    failures.set(address.toLowerCase(), count);
  }

  /** Every send to the address takes `ms` milliseconds (a slow email service). */
  async slowDown(address, ms) {
    delays.set(address.toLowerCase(), ms);
  }

  async fetch() {
    return new Response("email outbox", { status: 200 });
  }
}
