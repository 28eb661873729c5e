import { useEffect, useState } from "react";

/** Browser-only helpers (called from event handlers and effects, never during render). */

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** The double-submit header the API wants on the browser's cookie-authenticated writes. */
export function csrfHeaders(): Record<string, string> {
  const token = readCookie("__Host-ol_csrf");
  return token ? { "X-CSRF-Token": token } : {};
}

export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}


/**
 * An Idempotency-Key for one submission of a form, made after hydration (so server and browser
 * render the same HTML); `renew()` after a failed attempt, whose answer the API would otherwise replay.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState("");
  useEffect(() => setKey(newIdempotencyKey()), []);
  return [key, () => setKey(newIdempotencyKey())];
}
