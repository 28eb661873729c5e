import { z } from "@hono/zod-openapi";
import { errorStatus, type ErrorCode } from "../lib/errors";

/** Schemas shared by several routes' OpenAPI definitions. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi("Error");

const errorDescriptions: Partial<Record<ErrorCode, string>> = {
  invalid_request: "The request is malformed or fails validation (zod issues in details).",
  unauthorized: "Missing, invalid or expired credentials.",
  invalid_credentials: "Wrong email or password.",
  insufficient_credits: "Not enough credits.",
  forbidden: "Authenticated but not allowed.",
  email_not_verified: "The account's email address is not verified yet (full runs and admin need it).",
  not_found: "No such resource (or it belongs to someone else).",
  conflict: "Conflicts with the current state.",
  rate_limited: "Too many requests; see Retry-After.",
  credits_owed: "Credits are owed (refunded or disputed after they were spent); buy credits first.",
  gone: "The job's files were deleted after the retention period.",
};

/** The `responses` entries of a route's error answers. */
export function errorResponses(...codes: ErrorCode[]) {
  const responses: Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }> = {};
  for (const code of codes) {
    const status = errorStatus[code];
    const description = errorDescriptions[code] ?? code;
    const existing = responses[status];
    responses[status] = {
      description: existing ? `${existing.description} / ${description}` : description,
      content: { "application/json": { schema: ErrorSchema } },
    };
  }
  return responses;
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const bearerSecurity = [{ bearer: [] }];

export const PaginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: z.string().max(200).optional(),
});

export const IdParam = z.object({ id: z.string().min(1).max(100) });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
