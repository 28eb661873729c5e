import { data, redirect, type RouterContextProvider } from "react-router";
import { cloudflareContext, sessionContext } from "./context.server";
import { forwardedHeaders } from "./session.server";
import { createOpenlineClient, type OpenlineClient } from "./openline-client";
import type { ApiErrorBody } from "./types";

/** What a loader or action passes in: the incoming request and the router context. */
export interface ServerArgs {
  request: Request;
  context: Readonly<RouterContextProvider>;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  | { ok: false; status: number; error: ApiErrorBody; headers: Headers };

/** What a typed client call answers (openapi-fetch's `{data, error, response}`). */
export interface ClientAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** One call through the typed client, e.g. `(api) => api.GET("/v1/jobs/{id}", { params: { path: { id } } })`. */
export type ApiCall<T> = (api: OpenlineClient) => Promise<ClientAnswer<T>>;

export interface ApiCallOptions {
  /** Defaults to the signed-in user's access token; `false` calls the API anonymously. */
  auth?: boolean;
}

/**
 * The typed client (openline-client.ts) over the service binding, with the user's bearer token. The
 * UI never reaches around the API: whatever a page does, an API-key client can do too.
 */
export function apiClientFor({ request, context }: ServerArgs, options: ApiCallOptions = {}): OpenlineClient {
  const { env } = context.get(cloudflareContext);
  const { accessToken } = context.get(sessionContext);
  return createOpenlineClient({
    baseUrl: new URL(request.url).origin,
    token: options.auth === false ? undefined : (accessToken ?? undefined),
    headers: forwardedHeaders(request),
    fetch: (call) => env.API.fetch(call),
  });
}

/** Runs one typed call; an unreachable API or an answer that is not the error shape still gives an ApiErrorBody. */
export async function callApi<T>(args: ServerArgs, call: ApiCall<T>, options: ApiCallOptions = {}): Promise<ApiResult<T>> {
  let answer: ClientAnswer<T>;
  try {
    answer = await call(apiClientFor(args, options));
  } catch {
    return { ok: false, status: 503, headers: new Headers(), error: unreachable() };
  }
  const { response } = answer;
  if (response.ok) return { ok: true, status: response.status, data: answer.data as T, headers: response.headers };
  const error = (answer.error as { error?: Partial<ApiErrorBody> } | null | undefined)?.error;
  return {
    ok: false,
    status: response.status,
    headers: response.headers,
    error:
      error && typeof error.code === "string"
        ? { code: error.code, message: error.message ?? "", details: error.details ?? {} }
        : { code: `http_${response.status}`, message: `The API answered ${response.status}.`, details: {} },
  };
}

function unreachable(): ApiErrorBody {
  return { code: "service_unavailable", message: "The API is not reachable right now. Try again in a moment.", details: {} };
}

/** For loaders: the data, or a thrown answer the route's ErrorBoundary shows (401 sends the user to log in). */
export async function loadFromApi<T>(args: ServerArgs, call: ApiCall<T>): Promise<T> {
  const result = await callApi(args, call);
  if (result.ok) return result.data;
  throw apiFailure(args.request, result);
}

export function apiFailure(request: Request, result: { status: number; error: ApiErrorBody }): Response | ReturnType<typeof data<ApiErrorBody>> {
  if (result.status === 401) return loginRedirect(request);
  return data(result.error, { status: result.status });
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  // Single-fetch data requests end in `.data` (`/_root.data` for `/`): send the user to the page itself.
  const pathname = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  url.searchParams.delete("_routes");
  const next = pathname + url.search;
  return redirect(`/login?next=${encodeURIComponent(next)}`);
}

/** Like loadFromApi, but a missing route or another failure becomes `null` (optional page parts). */
export async function loadOptional<T>(args: ServerArgs, call: ApiCall<T>): Promise<T | null> {
  const result = await callApi(args, call);
  if (result.ok) return result.data;
  if (result.status === 401) throw loginRedirect(args.request);
  return null;
}

/** The API's raw response (downloads are streamed through as they come, never buffered). */
export async function fetchApiRaw({ request, context }: ServerArgs, path: string): Promise<Response> {
  const { env } = context.get(cloudflareContext);
  const { accessToken } = context.get(sessionContext);
  const headers: Record<string, string> = { ...forwardedHeaders(request) };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return env.API.fetch(new Request(new URL(path, request.url), { headers }));
}

/** Reads a form field as a trimmed string ("" when missing). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** The `Idempotency-Key` header of a creating POST, when the form carried one. */
export function idempotencyHeader(key: string): Record<string, string> {
  return key ? { "Idempotency-Key": key } : {};
}
