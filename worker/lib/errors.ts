import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The contract's error codes with their HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  insufficient_credits: 402,
  /** Credits refunded or lost in a dispute after they were spent: owed until bought back (ADR 068). */
  credits_owed: 402,
  forbidden: 403,
  email_not_verified: 403,
  not_found: 404,
  conflict: 409,
  /** The job's files were deleted after the retention period (ADR 068). */
  gone: 410,
  file_too_large: 413,
  unsupported_file_type: 415,
  unparseable_file: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> };
}

/** Thrown anywhere in a request; the app's error handler turns it into the contract's error shape. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const notFound = (what = "Resource") => new ApiError("not_found", `${what} not found.`);
