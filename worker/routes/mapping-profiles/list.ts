import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { mappingProfiles } from "../../db/schema";
import { pageOf } from "../../lib/pagination";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";
import { MappingProfileSchema, publicProfile } from "./schemas";

const route = createRoute({
  operationId: "listMappingProfiles",
  method: "get",
  path: "/v1/mapping-profiles",
  tags: ["Mapping profiles"],
  summary: "List saved mapping profiles, newest first",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:read")] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(listOf(MappingProfileSchema), "A page of profiles"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListMappingProfiles(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select()
      .from(mappingProfiles)
      .where(and(eq(mappingProfiles.userId, c.var.auth.user.id), cursor ? lt(mappingProfiles.id, cursor) : undefined))
      .orderBy(desc(mappingProfiles.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    return c.json({ data: page.data.map(publicProfile), nextCursor: page.nextCursor }, 200);
  });
}
