/**
 * Retry timing for the LLM: exponential backoff with full jitter, or the server's own `Retry-After`
 * (plus a little jitter so a crowd of clients does not come back on the same millisecond).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `retry-after-ms` (OpenAI's), else `Retry-After` in seconds or as an HTTP date; null when absent. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function delayFor(attempt: number, policy: BackoffPolicy, serverMs: number | null, random: () => number = Math.random): number {
  if (serverMs !== null) return Math.round(serverMs + random() * Math.min(1000, serverMs * 0.1 + 50));
  return backoffDelay(attempt, policy, random);
}
