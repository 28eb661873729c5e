import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { pageOf } from "../../lib/pagination";
import { jobs, users } from "../../db/schema";
import { publicJobFromRow } from "../../jobs/public-job";
import { requireAdmin, requireAuth } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf } from "../openapi-schemas";
import { JobListQuery, JobSchema } from "../jobs/schemas";

const AdminJobSchema = JobSchema.extend({ userId: z.string(), userEmail: z.string().nullable() }).openapi("AdminJob");

const route = createRoute({
  operationId: "listAdminJobs",
  method: "get",
  path: "/v1/admin/jobs",
  tags: ["Admin"],
  summary: "Jobs across users, newest first, filtered by status and user (admins only)",
  security: bearerSecurity,
  middleware: [requireAuth, requireAdmin] as const,
  request: {
    query: JobListQuery.extend({ userId: z.string().max(100).optional() }),
  },
  responses: {
    200: jsonContent(listOf(AdminJobSchema), "A page of jobs"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerAdminJobs(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor, status, userId, mode } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select({ job: jobs, email: users.email })
      .from(jobs)
      .leftJoin(users, eq(users.id, jobs.userId))
      .where(
        and(
          status ? eq(jobs.status, status) : undefined,
          userId ? eq(jobs.userId, userId) : undefined,
          mode ? eq(jobs.mode, mode) : undefined,
          cursor ? lt(jobs.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(jobs.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit, (row) => row.job.id);
    return c.json(
      {
        data: page.data.map(({ job, email }) => ({ ...publicJobFromRow(job), userId: job.userId, userEmail: email })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
}
