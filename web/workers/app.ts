import { createRequestHandler, RouterContextProvider } from "react-router";
import { cloudflareContext, cspNonceContext, type WebEnv, type WorkerContext } from "../app/lib/context.server";
import { forwardToApi, isApiPath } from "../app/lib/front-door.server";
import { crossSiteRefusal, isCrossSiteWrite, isOneClickUnsubscribe, newCspNonce, pageSecurityHeaders, withoutAmbientCredentials } from "../app/lib/security.server";

const handleRequest = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

/**
 * The front door on one origin: the API's paths go to the API Worker through the service binding,
 * everything else is rendered by React Router (static assets are served before the Worker runs).
 * Cross-site writes and WebSocket upgrades are refused first, for both (ADR 068).
 */
export default {
  async fetch(request: Request, env: WebEnv, ctx: WorkerContext): Promise<Response> {
    // Mail providers' one-click unsubscribe (RFC 8058): token-authenticated, sent from anywhere.
    if (isOneClickUnsubscribe(request)) return env.API.fetch(withoutAmbientCredentials(request));
    if (isCrossSiteWrite(request)) return crossSiteRefusal();
    if (isApiPath(new URL(request.url).pathname)) return forwardToApi(request, env.API);
    const nonce = newCspNonce();
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env, ctx });
    context.set(cspNonceContext, nonce);
    const response = await handleRequest(request, context);
    for (const [name, value] of Object.entries(pageSecurityHeaders(request, nonce))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  },
};
