import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { uploads } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { profilesForSuggestion } from "../../uploads/profile-suggestions";
import { publicUpload, UploadSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/v1/uploads/{id}",
  tags: ["Uploads"],
  summary: "Get one upload",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:read")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(UploadSchema, "The upload"),
    ...errorResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerGetUpload(app: App) {
  app.openapi(route, async (c) => {
    const userId = c.var.auth.user.id;
    const [upload] = await getDb(c.env)
      .select()
      .from(uploads)
      .where(and(eq(uploads.id, c.req.valid("param").id), eq(uploads.userId, userId)));
    if (!upload) throw notFound("Upload");
    return c.json(publicUpload(upload, await profilesForSuggestion(c.env, userId)), 200);
  });
}
