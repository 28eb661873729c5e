import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { jobs } from "../../db/schema";
import { publicJobFromRow } from "../../jobs/public-job";
import { pageOf } from "../../lib/pagination";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf } from "../openapi-schemas";
import { JobListQuery, JobSchema } from "./schemas";

const route = createRoute({
  operationId: "listJobs",
  method: "get",
  path: "/v1/jobs",
  tags: ["Jobs"],
  summary: "The user's jobs, newest first (counters as of the last few seconds)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { query: JobListQuery },
  responses: {
    200: jsonContent(listOf(JobSchema), "A page of jobs"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListJobs(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor, status, mode } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select()
      .from(jobs)
      .where(and(eq(jobs.userId, c.var.auth.user.id), status ? eq(jobs.status, status) : undefined, mode ? eq(jobs.mode, mode) : undefined, cursor ? lt(jobs.id, cursor) : undefined))
      .orderBy(desc(jobs.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    return c.json({ data: page.data.map(publicJobFromRow), nextCursor: page.nextCursor }, 200);
  });
}
