import { createRoute, z } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import { MAX_SAVED_CONTEXTS } from "../../contexts/saved";
import { getDb } from "../../db/client";
import { savedContexts } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { ContextName, publicContext, SavedContextSchema, savedContextFields } from "./schemas";

const CreateContextBody = z.object({ name: ContextName, ...savedContextFields }).strict().openapi("CreateContextRequest");

const route = createRoute({
  method: "post",
  path: "/v1/contexts",
  operationId: "createContext",
  tags: ["Contexts"],
  summary: "Save a context (what you sell, tone, language, length, instructions, research) by name",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write"), idempotent()] as const,
  request: { body: jsonBody(CreateContextBody) },
  responses: {
    201: jsonContent(SavedContextSchema, "The saved context"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "conflict"),
  },
});

export function registerCreateContext(app: App) {
  app.openapi(route, async (c) => {
    const { name, ...context } = c.req.valid("json");
    const userId = c.var.auth.user.id;
    const db = getDb(c.env);
    const [existing] = await db.select({ total: count() }).from(savedContexts).where(eq(savedContexts.userId, userId));
    if ((existing?.total ?? 0) >= MAX_SAVED_CONTEXTS) {
      throw new ApiError("conflict", `You already have ${MAX_SAVED_CONTEXTS} saved contexts; delete one first.`, { limit: MAX_SAVED_CONTEXTS });
    }
    const now = new Date().toISOString();
    const [saved] = await db.insert(savedContexts).values({ id: newId("ctx"), userId, name, context, createdAt: now, updatedAt: now }).returning();
    return c.json(publicContext(saved!), 201);
  });
}
