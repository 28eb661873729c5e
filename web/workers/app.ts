import { createRequestHandler, RouterContextProvider } from "react-router";
import { cloudflareContext, type WebEnv, type WorkerContext } from "../app/lib/context.server";
import { forwardToApi, isApiPath } from "../app/lib/front-door.server";

const handleRequest = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

/** Headers every page carries: no sniffing, no framing, no referrer leaking job ids to other sites. */
const PAGE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};

/**
 * The front door on one origin: the API's paths go to the API Worker through the service binding,
 * everything else is rendered by React Router (static assets are served before the Worker runs).
 */
export default {
  async fetch(request: Request, env: WebEnv, ctx: WorkerContext): Promise<Response> {
    if (isApiPath(new URL(request.url).pathname)) return forwardToApi(request, env.API);
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env, ctx });
    const response = await handleRequest(request, context);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  },
};
