import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { loadOwnContext } from "../../contexts/saved";
import { getDb } from "../../db/client";
import { savedContexts } from "../../db/schema";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonContent } from "../openapi-schemas";
import { ContextName, publicContext, SavedContextSchema, savedContextFields } from "./schemas";

const UpdateContextBody = z
  .object({ name: ContextName, ...savedContextFields })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Send at least one field to change." })
  .openapi("UpdateContextRequest");

const route = createRoute({
  method: "patch",
  path: "/v1/contexts/{id}",
  operationId: "updateContext",
  tags: ["Contexts"],
  summary: "Rename a saved context or change its fields",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam, body: jsonBody(UpdateContextBody) },
  responses: {
    200: jsonContent(SavedContextSchema, "The updated context"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found"),
  },
});

export function registerUpdateContext(app: App) {
  app.openapi(route, async (c) => {
    const { name, ...fields } = c.req.valid("json");
    const current = await loadOwnContext(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const [saved] = await getDb(c.env)
      .update(savedContexts)
      .set({ ...(name !== undefined ? { name } : {}), context: { ...current.context, ...fields }, updatedAt: new Date().toISOString() })
      .where(eq(savedContexts.id, current.id))
      .returning();
    return c.json(publicContext(saved!), 200);
  });
}
