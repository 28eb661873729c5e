import { data, redirect, type MiddlewareFunction } from "react-router";
import { cookieNames } from "./cookies.server";
import { cloudflareContext, sessionContext } from "./context.server";
import { loginRedirect } from "./api.server";
import { clearSessionCookies, forwardedHeaders, resolveSession } from "./session.server";
import type { Me } from "./types";

/**
 * Root middleware: resolves the browser session once per request (refreshing the access token
 * server-side when it expired), reads the user from GET /v1/me, and adds the session's Set-Cookie
 * headers to the response unless a route set those cookies itself (log in, log out). When the API
 * cannot answer, the page still goes out with the refreshed cookies (the old refresh token is spent:
 * dropping the new one would log the user out); only pages that need the user answer 503.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { env } = context.get(cloudflareContext);
  const session = await resolveSession(request, env.API);
  let { accessToken, csrfToken } = session;
  let setCookies = session.setCookies;
  let user: Me | null = null;
  let userUnavailable = false;
  if (accessToken) {
    const response = await env.API.fetch(
      new Request(new URL("/v1/me", request.url), {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json", ...forwardedHeaders(request) },
      }),
    ).catch(() => null);
    if (response?.ok) {
      user = (await response.json().catch(() => null)) as Me | null;
      userUnavailable = user === null;
    } else if (response?.status === 401) {
      // A token the API no longer accepts (deleted account, rotated secret): end the session.
      accessToken = null;
      csrfToken = null;
      setCookies = clearSessionCookies();
    } else {
      userUnavailable = true;
    }
  }
  context.set(sessionContext, { accessToken, csrfToken, user, userUnavailable });
  const response = await next();
  const alreadySet = cookieNames(response.headers.getSetCookie());
  for (const cookie of setCookies) {
    if (!alreadySet.has(cookie.slice(0, cookie.indexOf("=")))) response.headers.append("Set-Cookie", cookie);
  }
  return response;
};

/** For the signed-in part of the app: no user, no page. */
export const requireUserMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const session = context.get(sessionContext);
  if (session.userUnavailable) throw apiUnavailable();
  if (!session.user) throw loginRedirect(request);
  return next();
};

const apiUnavailable = () =>
  data({ code: "service_unavailable", message: "The API is not reachable right now. Try again in a moment.", details: {} }, { status: 503 });

/** The admin console answers 404 to everyone else, like the API does for resources that aren't yours. */
export const requireAdminMiddleware: MiddlewareFunction<Response> = async ({ context }, next) => {
  if (context.get(sessionContext).userUnavailable) throw apiUnavailable();
  if (context.get(sessionContext).user?.role !== "admin") throw data({ code: "not_found", message: "Page not found.", details: {} }, { status: 404 });
  return next();
};

/** Pages for signed-out visitors (log in, sign up) send signed-in users into the app. */
export const redirectSignedInMiddleware: MiddlewareFunction<Response> = async ({ context }, next) => {
  const session = context.get(sessionContext);
  if (session.user) throw redirect("/jobs");
  // Signed in, but who is unknown right now: not a reason to show the log-in form.
  if (session.userUnavailable) throw apiUnavailable();
  return next();
};
