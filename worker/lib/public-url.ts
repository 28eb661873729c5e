/**
 * Which URLs the Worker may send requests to on a user's behalf (outbound webhooks): plain http(s) to
 * a public host NAME on the default ports. Refused before any request leaves: IP literals (every
 * spelling the URL parser accepts, `0x7f.1`, `2130706433` and `[::ffff:127.0.0.1]` included, since
 * it rewrites them to a dotted quad or brackets), local names (`localhost`, `*.local`, `*.internal`,
 * single labels), credentials in the URL, and ports other than 80/443 (ADR 068).
 *
 * Names are not resolved (Workers have no DNS API): on Cloudflare, outbound fetches never reach
 * private networks; elsewhere this is what stands between a user's URL and the operator's network.
 */
export type TargetRefusal = "invalid_url" | "scheme" | "credentials" | "port" | "ip_literal" | "local_name";
export type TargetVerdict = { ok: true; url: URL } | { ok: false; reason: TargetRefusal };

const LOCAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "lan", "home.arpa", "intranet"];

export function checkPublicHttpTarget(input: string | URL): TargetVerdict {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return { ok: false, reason: "invalid_url" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "scheme" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  // The parser drops a scheme's default port, so "" is 443 for https and 80 for http.
  if (url.port !== "" && url.port !== "80" && url.port !== "443") return { ok: false, reason: "port" };
  const host = url.hostname.toLowerCase().replace(/\.+$/, "");
  if (!host) return { ok: false, reason: "invalid_url" };
  if (host.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: false, reason: "ip_literal" };
  if (!host.includes(".") || LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return { ok: false, reason: "local_name" };
  }
  return { ok: true, url };
}

/** The rule as a yes/no. */
export function isPublicHttpTarget(input: string | URL): boolean {
  return checkPublicHttpTarget(input).ok;
}

/** The host of a URL for logs (a webhook URL's path and query can hold the receiver's secret token). */
export function hostOf(input: string): string {
  try {
    return new URL(input).host;
  } catch {
    return "(invalid url)";
  }
}
