import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { apiKeys } from "../../db/schema";
import { pageOf } from "../../lib/pagination";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";
import { ApiKeySchema, publicApiKey } from "./schemas";

const route = createRoute({
  operationId: "listApiKeys",
  method: "get",
  path: "/v1/api-keys",
  tags: ["API keys"],
  summary: "List active API keys (never their secrets)",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(listOf(ApiKeySchema), "A page of keys"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListApiKeys(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.userId, c.var.auth.user.id),
          isNull(apiKeys.revokedAt),
          cursor ? lt(apiKeys.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(apiKeys.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    return c.json({ data: page.data.map(publicApiKey), nextCursor: page.nextCursor }, 200);
  });
}
