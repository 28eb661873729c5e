import { checkPublicHttpTarget } from "../lib/public-url";
import type { Limiter } from "../llm/limiter";

/**
 * One guarded GET of a research page: the target (and every redirect hop, at most 3) must pass the
 * public-target rule, the whole page gets `timeoutMs` (5 s) including its body, the body is read up to
 * `maxBytes` (1 MB) and cut there. With a proxy (tests, local fakes) the request goes to
 * `<proxy>?url=<target>` and the rule is applied to the target, never to the proxy.
 */
export const PAGE_TIMEOUT_MS = 5_000;
export const PAGE_MAX_BYTES = 1_000_000;
export const MAX_REDIRECTS = 3;

export type FetchFailure = "refused" | "unreachable" | "timeout" | "not_html" | "http_error" | "too_many_redirects";

export interface FetchedPage {
  /** The URL the body came from (after redirects). */
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** The body was longer than maxBytes and was cut. */
  truncated: boolean;
}

export type FetchResult = { ok: true; page: FetchedPage } | { ok: false; reason: FetchFailure; detail?: string };

export interface FetchOptions {
  userAgent: string;
  /** Connections are shared with the LLM calls: every request holds one slot while it runs. */
  limiter: Limiter;
  /** The invocation's fetch (its header-slot budget, worker/lib/connections.ts); the global one otherwise. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Requests this invocation may still send (each redirect hop is one); shared by its fetches. */
  budget: RequestBudget;
  proxyUrl?: string;
  /** Accept only HTML (pages) or any text (robots.txt). */
  html: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * A Worker invocation may send 10,000 subrequests; a consumer invocation's LLM calls, storage calls and
 * site fetches share them, so site fetches get a fixed share.
 */
export const SITE_REQUESTS_PER_INVOCATION = 6_000;

export class RequestBudget {
  constructor(public remaining = SITE_REQUESTS_PER_INVOCATION) {}
}

const HTML_TYPES = ["text/html", "application/xhtml+xml"];

function requestUrl(target: string, proxyUrl: string | undefined): string {
  if (!proxyUrl) return target;
  const proxied = new URL(proxyUrl);
  proxied.searchParams.set("url", target);
  return proxied.toString();
}

export function fetchPage(target: string, options: FetchOptions): Promise<FetchResult> {
  return options.limiter.run(() => fetchGuarded(target, options));
}

async function fetchGuarded(target: string, options: FetchOptions): Promise<FetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? PAGE_TIMEOUT_MS);
  let current = target;
  try {
    for (let hop = 0; ; hop++) {
      const verdict = checkPublicHttpTarget(current);
      if (!verdict.ok) return { ok: false, reason: "refused", detail: `${verdict.reason}: ${current}` };
      options.budget.remaining--;
      const response = await (options.fetch ?? fetch)(requestUrl(verdict.url.toString(), options.proxyUrl), {
        redirect: "manual",
        signal,
        headers: { "User-Agent": options.userAgent, Accept: options.html ? "text/html,application/xhtml+xml" : "text/plain,*/*" },
      });
      const location = response.headers.get("Location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: "too_many_redirects" };
        current = new URL(location, verdict.url).toString();
        continue;
      }
      return await readBody(response, verdict.url.toString(), options);
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: "timeout" };
    return { ok: false, reason: "unreachable", detail: error instanceof Error ? error.message : String(error) };
  }
}

async function readBody(response: Response, url: string, options: FetchOptions): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? PAGE_MAX_BYTES;
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: "http_error", detail: String(response.status) };
  }
  const contentType = response.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (options.html && !HTML_TYPES.includes(mediaType)) {
    await response.body?.cancel();
    return { ok: false, reason: "not_html", detail: mediaType || "no content type" };
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  let truncated = false;
  if (response.body) {
    const reader = response.body.getReader();
    let done = false;
    while (length < maxBytes) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      const take = Math.min(next.value.byteLength, maxBytes - length);
      parts.push(take < next.value.byteLength ? next.value.subarray(0, take) : next.value);
      length += take;
    }
    // Reading stopped at the cap: the rest is never downloaded.
    if (!done) {
      truncated = true;
      await reader.cancel().catch(() => undefined);
    }
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { ok: true, page: { url, contentType, bytes, truncated } };
}
