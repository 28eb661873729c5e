import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { ApiError, type ErrorCode } from "../lib/errors";
import type { AppEnv } from "../types";

const codeForStatus: Record<number, ErrorCode> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "file_too_large",
  415: "unsupported_file_type",
  429: "rate_limited",
};

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status);
}

/** Every error leaves the Worker in the contract's shape; anything unexpected is logged as a bug. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    const code = codeForStatus[err.status] ?? "invalid_request";
    const message = err.status === 400 && /JSON/i.test(err.message) ? "The request body is not valid JSON." : err.message;
    return errorResponse(c, new ApiError(code, message || "Bad request."));
  }
  (c.var.log ?? console).error("unhandled error", { error: err });
  return errorResponse(c, new ApiError("internal_error", "Something went wrong on our side; it has been logged.", { requestId: c.var.requestId }));
}

export function notFoundHandler(c: Context<AppEnv>): Response {
  return errorResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}.`));
}

/** zod-openapi's hook: a failed validation becomes 400 invalid_request with the zod issues. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context<AppEnv>,
): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    code: issue.code,
    message: issue.message,
  }));
  const first = issues[0];
  const message = first ? `Invalid request: ${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid request.";
  return errorResponse(c, new ApiError("invalid_request", message, { issues }));
}
