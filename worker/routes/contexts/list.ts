import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { savedContexts } from "../../db/schema";
import { pageOf } from "../../lib/pagination";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";
import { publicContext, SavedContextSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/v1/contexts",
  operationId: "listContexts",
  tags: ["Contexts"],
  summary: "List saved contexts, newest first",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(listOf(SavedContextSchema), "A page of saved contexts"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListContexts(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select()
      .from(savedContexts)
      .where(and(eq(savedContexts.userId, c.var.auth.user.id), cursor ? lt(savedContexts.id, cursor) : undefined))
      .orderBy(desc(savedContexts.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    return c.json({ data: page.data.map(publicContext), nextCursor: page.nextCursor }, 200);
  });
}
