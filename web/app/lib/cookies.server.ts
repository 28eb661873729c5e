/** Minimal cookie reading/writing for the session cookies (raw token values, no signing needed). */

export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** Rebuilds a Cookie header with some values replaced (others kept as they were). */
export function replaceCookies(header: string | null, replacements: Record<string, string>): string {
  const cookies = parseCookies(header);
  for (const [name, value] of Object.entries(replacements)) cookies.set(name, value);
  return [...cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
}

export interface CookieOptions {
  maxAgeSeconds: number;
  httpOnly: boolean;
}

/** Every session cookie is Secure and SameSite=Lax on the whole site (browsers allow Secure on localhost). */
export function serializeCookie(name: string, value: string, { maxAgeSeconds, httpOnly }: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, "Secure", "SameSite=Lax"];
  if (httpOnly) parts.push("HttpOnly");
  return parts.join("; ");
}

/** The names of the cookies a set of Set-Cookie headers sets. */
export function cookieNames(setCookies: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const header of setCookies) names.add(header.slice(0, header.indexOf("=")).trim());
  return names;
}
