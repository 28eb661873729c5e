import { createRoute } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { jobs, uploads } from "../../db/schema";
import { ApiError, notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { deleteUpload } from "../../uploads/store";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";

const route = createRoute({
  operationId: "deleteUpload",
  method: "delete",
  path: "/v1/uploads/{id}",
  tags: ["Uploads"],
  summary: "Delete an upload and its stored files",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:write")] as const,
  request: { params: IdParam },
  responses: {
    204: { description: "Deleted, with its files" },
    ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
  },
});

export function registerDeleteUpload(app: App) {
  app.openapi(route, async (c) => {
    const db = getDb(c.env);
    const userId = c.var.auth.user.id;
    const id = c.req.valid("param").id;
    const [upload] = await db.select({ id: uploads.id, userId: uploads.userId }).from(uploads).where(and(eq(uploads.id, id), eq(uploads.userId, userId)));
    if (!upload) throw notFound("Upload");
    // A job still reading the file would fail half-way; it has to finish or be stopped first.
    const [active] = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.uploadId, id), eq(jobs.userId, userId), inArray(jobs.status, ["queued", "running", "paused"])))
      .limit(1);
    if (active) throw new ApiError("conflict", "A job is still using this upload; cancel it or let it finish first.", { jobId: active.id });
    // Files first: if deleting them fails, the row remains and the user can retry.
    await deleteUpload(c.env, upload);
    await db.delete(uploads).where(and(eq(uploads.id, id), eq(uploads.userId, userId)));
    return c.body(null, 204);
  });
}
