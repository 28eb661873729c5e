/**
 * The web Worker's own defences (ADR 068): cross-site requests refused by their Origin, and the
 * security headers of every page.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser's cross-site request that could change something: a form post, fetch or WebSocket upgrade
 * from another site. The web Worker's actions call the API with the cookie's token (so the API's
 * double-submit check never runs for them), and its log-in form sets cookies: without this check any
 * site could post to them (login CSRF included). Browsers send `Origin` on every POST and WebSocket
 * upgrade; when it is missing, `Sec-Fetch-Site` decides. API calls with a bearer token carry no
 * ambient authority and pass.
 */
export function isCrossSiteWrite(request: Request): boolean {
  const upgrade = request.headers.get("Upgrade")?.toLowerCase() === "websocket";
  if (SAFE_METHODS.has(request.method) && !upgrade) return false;
  if (request.headers.has("Authorization")) return false;
  const origin = request.headers.get("Origin");
  if (origin !== null) return origin !== new URL(request.url).origin;
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  // No browser signal at all: a non-browser client, which has no victim's cookies to ride (and a
  // WebSocket without Origin is not a browser's). Form posts of the app itself always carry Origin.
  return !upgrade && request.headers.has("Cookie");
}

const ONE_CLICK_UNSUBSCRIBE = "/v1/notifications/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe, the URL of every notification's List-Unsubscribe header: mail
 * providers POST it from their servers (no Origin) or from the reader's webmail (a foreign Origin,
 * `Sec-Fetch-Site: cross-site`), and it must work for both. The signed token in the URL is its only
 * proof; no session is used, and the web Worker forwards it without cookies, before its cross-site
 * check (which refuses every other write from another origin).
 */
export function isOneClickUnsubscribe(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname === ONE_CLICK_UNSUBSCRIBE;
}

/** The request without cookies or Authorization, so a cross-site POST carries no session to the API. */
export function withoutAmbientCredentials(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete("Cookie");
  headers.delete("Authorization");
  return new Request(request, { headers });
}

export function crossSiteRefusal(): Response {
  return Response.json(
    { error: { code: "forbidden", message: "Cross-site request refused: this action can only be sent from Openline's own pages.", details: {} } },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}

export function newCspNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers of every page: scripts only from this origin or with this response's nonce (React Router's
 * inline hydration scripts carry it), no framing, no sniffing, no powerful browser features, and HSTS
 * over https. Styles allow inline attributes: progress bars set their width in `style`.
 */
export function pageSecurityHeaders(request: Request, nonce: string): Record<string, string> {
  const url = new URL(request.url);
  const sockets = `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self' ${sockets}`,
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (url.protocol === "https:") headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
