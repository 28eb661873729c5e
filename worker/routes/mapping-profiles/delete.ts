import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { mappingProfiles } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";

const route = createRoute({
  operationId: "deleteMappingProfile",
  method: "delete",
  path: "/v1/mapping-profiles/{id}",
  tags: ["Mapping profiles"],
  summary: "Delete a mapping profile",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:write")] as const,
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses("unauthorized", "forbidden", "not_found") },
});

export function registerDeleteMappingProfile(app: App) {
  app.openapi(route, async (c) => {
    const deleted = await getDb(c.env)
      .delete(mappingProfiles)
      .where(and(eq(mappingProfiles.id, c.req.valid("param").id), eq(mappingProfiles.userId, c.var.auth.user.id)))
      .returning({ id: mappingProfiles.id });
    if (deleted.length === 0) throw notFound("Mapping profile");
    return c.body(null, 204);
  });
}
