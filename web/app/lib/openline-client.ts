import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api-types.gen";

/**
 * The typed Openline API client: openapi-fetch over the types generated from /openapi.json
 * (`npm run gen:api`). Paths, parameters, bodies and answers are checked by the compiler against the
 * document, so a route change that breaks a caller fails `npm run typecheck`. Used by the web app's
 * server code and by integrators (README: "Typed client").
 */
export type OpenlineClient = Client<paths>;

/** The document's named schemas (`Schemas["Job"]`, `Schemas["Upload"]`, …). */
export type Schemas = components["schemas"];

export interface OpenlineClientOptions {
  /** The origin serving the API, e.g. `https://app.openline.example` or `http://localhost:8787`. */
  baseUrl: string;
  /** An access token or an API key (`olk_…`); omitted for public calls. */
  token?: string;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** Another transport than the global fetch (a service binding, a test's `exports.default.fetch`). */
  fetch?: (request: Request) => Promise<Response>;
}

export function createOpenlineClient(options: OpenlineClientOptions): OpenlineClient {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  return createClient<paths>({ baseUrl: options.baseUrl, headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
}
