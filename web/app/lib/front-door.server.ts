import { replaceCookies } from "./cookies.server";
import type { ApiBinding } from "./context.server";
import { ACCESS_COOKIE, CSRF_COOKIE, readSessionCookies, resolveSession } from "./session.server";

/** The API's paths on the one origin: everything else is the web app's. */
const API_PATH = /^\/(?:v1(?:\/|$)|health\/?$|openapi\.json$|docs\/?$)/;

export function isApiPath(pathname: string): boolean {
  return API_PATH.test(pathname);
}

/**
 * Hands an API request to the API Worker untouched (body streamed, WebSocket upgrades included).
 * A cookie-authenticated browser request whose access token has expired is refreshed here first, so
 * the browser's direct calls (uploads, WebSocket tickets) behave like page loads.
 */
export async function forwardToApi(request: Request, api: ApiBinding): Promise<Response> {
  const pathname = new URL(request.url).pathname;
  const cookieAuth = !request.headers.has("Authorization") && !pathname.startsWith("/v1/auth/");
  if (!cookieAuth || !readSessionCookies(request).refreshToken || request.headers.get("Upgrade")) {
    return api.fetch(request);
  }
  const session = await resolveSession(request, api);
  if (!session.refreshed) return withSetCookies(await api.fetch(request), session.setCookies);
  const headers = new Headers(request.headers);
  headers.set(
    "Cookie",
    replaceCookies(request.headers.get("Cookie"), { [ACCESS_COOKIE]: session.accessToken!, [CSRF_COOKIE]: session.csrfToken! }),
  );
  return withSetCookies(await api.fetch(new Request(request, { headers })), session.setCookies);
}

function withSetCookies(response: Response, setCookies: string[]): Response {
  if (setCookies.length === 0 || response.status === 101) return response;
  const copy = new Response(response.body, response);
  for (const cookie of setCookies) copy.headers.append("Set-Cookie", cookie);
  return copy;
}
