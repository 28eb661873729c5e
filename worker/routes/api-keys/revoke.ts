import { createRoute } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { apiKeys } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";

const route = createRoute({
  operationId: "revokeApiKey",
  method: "delete",
  path: "/v1/api-keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key; it stops working at once",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { params: IdParam },
  responses: { 204: { description: "Revoked" }, ...errorResponses("unauthorized", "forbidden", "not_found") },
});

export function registerRevokeApiKey(app: App) {
  app.openapi(route, async (c) => {
    const revoked = await getDb(c.env)
      .update(apiKeys)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiKeys.id, c.req.valid("param").id), eq(apiKeys.userId, c.var.auth.user.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (revoked.length === 0) throw notFound("API key");
    return c.body(null, 204);
  });
}
