import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { retentionDaysOf } from "../../jobs/retention";
import { ApiError } from "../../lib/errors";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";

const RetentionSchema = z
  .object({
    days: z.number().int().openapi({ description: "Days uploaded files and job results are kept" }),
    maxDays: z.number().int().openapi({ description: "RETENTION_DAYS: the most this service keeps them" }),
  })
  .openapi("Retention");
const RetentionBody = z.object({ days: z.number().int().min(1) }).strict().openapi("RetentionRequest");

const getRoute = createRoute({
  method: "get",
  path: "/v1/account/retention",
  operationId: "getRetention",
  tags: ["Account"],
  summary: "How long uploaded files and job results are kept",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  responses: { 200: jsonContent(RetentionSchema, "The retention"), ...errorResponses("unauthorized", "forbidden") },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/v1/account/retention",
  operationId: "updateRetention",
  tags: ["Account"],
  summary: "Keep files and results for fewer days than the service's maximum",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(RetentionBody) },
  responses: {
    200: jsonContent(RetentionSchema, "The new retention"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerRetention(app: App) {
  app.openapi(getRoute, (c) => c.json({ days: retentionDaysOf(c.var.config, c.var.auth.user), maxDays: c.var.config.RETENTION_DAYS }, 200));
  app.openapi(patchRoute, async (c) => {
    const { days } = c.req.valid("json");
    const maxDays = c.var.config.RETENTION_DAYS;
    if (days > maxDays) {
      throw new ApiError("invalid_request", `days must be at most ${maxDays}, the longest this service keeps files.`, { maxDays });
    }
    // The maximum itself is stored as "not chosen", so a later, lower RETENTION_DAYS still applies.
    await getDb(c.env).update(users).set({ retentionDays: days === maxDays ? null : days }).where(eq(users.id, c.var.auth.user.id));
    return c.json({ days, maxDays }, 200);
  });
}
