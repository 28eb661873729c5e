/**
 * Which URLs the Worker may fetch on a user's behalf (website research, outbound webhooks; ADR 068): plain
 * http(s) to a public host NAME on the standard ports. Everything that could reach the operator's own
 * network or a metadata service is refused before any request leaves: IP literals (in every spelling
 * the URL parser accepts: `0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`…), local names (`localhost`,
 * `*.local`, `*.internal`, single labels) and wildcard-DNS names that embed an address (`10.0.0.1.nip.io`),
 * credentials in the URL, and ports other than 80/443. Each hop of a redirect is checked again.
 *
 * Names are not resolved here (Workers have no DNS API): a public name that resolves to a private
 * address is stopped by the platform, whose outbound fetches never reach private networks.
 */
export type TargetRefusal = "invalid_url" | "scheme" | "credentials" | "port" | "ip_literal" | "local_name";
export type TargetVerdict = { ok: true; url: URL } | { ok: false; reason: TargetRefusal };

const LOCAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "lan", "home", "home.arpa", "intranet", "corp", "test.internal"];
/** Wildcard DNS services that answer any embedded address (a.b.c.d.nip.io → a.b.c.d). */
const ADDRESS_ECHO_SUFFIXES = ["nip.io", "sslip.io", "xip.io", "localtest.me", "lvh.me", "traefik.me"];

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
  if (isIpLiteral(host)) return { ok: false, reason: "ip_literal" };
  if (isLocalName(host)) return { ok: false, reason: "local_name" };
  return { ok: true, url };
}

/** The rule as a yes/no, for callers that only need that (webhook URLs). */
export function isPublicHttpTarget(input: string | URL): boolean {
  return checkPublicHttpTarget(input).ok;
}

/** A hostname as the URL parser leaves it: IPv4 as a dotted quad, IPv6 in brackets. */
function isIpLiteral(host: string): boolean {
  return host.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

function isLocalName(host: string): boolean {
  if (!host.includes(".")) return true;
  const endsWith = (suffix: string) => host === suffix || host.endsWith(`.${suffix}`);
  if (LOCAL_SUFFIXES.some(endsWith)) return true;
  return ADDRESS_ECHO_SUFFIXES.some(endsWith);
}

/**
 * Whether an address (any spelling the URL parser takes: `127.1`, `0x7f000001`, `::ffff:10.0.0.1`) is
 * outside the public internet: loopback, private, CGNAT, link-local, unspecified, documentation,
 * benchmarking, multicast, reserved, and IPv6 forms that embed such an IPv4 address (mapped,
 * compatible, NAT64, 6to4). For checks after a resolution, and what the tests pin the ranges with.
 */
export function isNonPublicAddress(address: string): boolean {
  const host = normalizedAddress(address);
  if (host === null) return false;
  if (host.startsWith("[")) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups === null ? true : ipv6IsNonPublic(groups);
  }
  return ipv4IsNonPublic(host.split(".").map(Number));
}

function normalizedAddress(address: string): string | null {
  const bare = address.trim().replace(/^\[|\]$/g, "");
  try {
    const host = new URL(`http://${bare.includes(":") ? `[${bare}]` : bare}/`).hostname;
    return isIpLiteral(host) ? host : null;
  } catch {
    return null;
  }
}

const IPV4_NON_PUBLIC = [
  "0.0.0.0/8", // "this network"
  "10.0.0.0/8", // private
  "100.64.0.0/10", // CGNAT (shared address space)
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (cloud metadata services live here)
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, broadcast
].map((cidr) => {
  const [base, bits] = cidr.split("/");
  const mask = (0xffffffff << (32 - Number(bits))) >>> 0;
  return { network: (ipv4Value(base!.split(".").map(Number)) & mask) >>> 0, mask };
});

function ipv4Value([a = 0, b = 0, c = 0, d = 0]: number[]): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function ipv4IsNonPublic(octets: number[]): boolean {
  const value = ipv4Value(octets);
  return IPV4_NON_PUBLIC.some(({ network, mask }) => ((value & mask) >>> 0) === network);
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (hex, `::` allowed). */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function embeddedIpv4(high: number, low: number): number[] {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function ipv6IsNonPublic(g: number[]): boolean {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return true; // ::
  if (zeroUpTo(7) && g[7] === 1) return true; // ::1
  if (zeroUpTo(5) && g[5] === 0xffff) return ipv4IsNonPublic(embeddedIpv4(g[6]!, g[7]!)); // ::ffff:a.b.c.d
  if (zeroUpTo(6)) return true; // ::a.b.c.d (deprecated IPv4-compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4IsNonPublic(embeddedIpv4(g[6]!, g[7]!)); // NAT64
  if (g[0] === 0x2002) return ipv4IsNonPublic(embeddedIpv4(g[1]!, g[2]!)); // 6to4
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (first === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return true; // discard-only 100::/64
  return false;
}

/** The host of a URL for logs (a webhook URL's path and query can hold the receiver's secret token). */
export function hostOf(input: string): string {
  try {
    return new URL(input).host;
  } catch {
    return "(invalid url)";
  }
}
