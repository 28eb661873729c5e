import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { savedContexts } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";

const route = createRoute({
  method: "delete",
  path: "/v1/contexts/{id}",
  operationId: "deleteContext",
  tags: ["Contexts"],
  summary: "Delete a saved context (jobs that used it keep their own copy)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses("unauthorized", "forbidden", "not_found") },
});

export function registerDeleteContext(app: App) {
  app.openapi(route, async (c) => {
    const deleted = await getDb(c.env)
      .delete(savedContexts)
      .where(and(eq(savedContexts.id, c.req.valid("param").id), eq(savedContexts.userId, c.var.auth.user.id)))
      .returning({ id: savedContexts.id });
    if (deleted.length === 0) throw notFound("Saved context");
    return c.body(null, 204);
  });
}
