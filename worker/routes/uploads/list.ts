import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { uploads } from "../../db/schema";
import { pageOf } from "../../lib/pagination";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";
import { profilesForSuggestion } from "../../uploads/profile-suggestions";
import { publicUpload, UploadSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/v1/uploads",
  tags: ["Uploads"],
  summary: "List uploads, newest first",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:read")] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(listOf(UploadSchema), "A page of uploads"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListUploads(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const userId = c.var.auth.user.id;
    const rows = await getDb(c.env)
      .select()
      .from(uploads)
      .where(and(eq(uploads.userId, userId), cursor ? lt(uploads.id, cursor) : undefined))
      .orderBy(desc(uploads.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    const profiles = await profilesForSuggestion(c.env, userId);
    return c.json({ data: page.data.map((upload) => publicUpload(upload, profiles)), nextCursor: page.nextCursor }, 200);
  });
}
