import { createRoute } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { publicJobFromRow } from "../../jobs/public-job";
import { filesExpireAt as filesExpireAtOf, retentionDaysOf } from "../../jobs/retention";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { jobExample } from "../openapi-examples";
import { loadOwnJob } from "./load";
import { JobSchema } from "./schemas";

const route = createRoute({
  operationId: "getJob",
  method: "get",
  path: "/v1/jobs/{id}",
  tags: ["Jobs"],
  summary: "One job, live from its room (rows/s and ETA while it runs)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(JobSchema, "The job", jobExample),
    ...errorResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerGetJob(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    // A job whose start failed before its room was set up exists only as its D1 row.
    const current = (await roomFor(c.env, job.id).read()) ?? publicJobFromRow(job);
    const filesExpireAt = filesExpireAtOf(job.createdAt, retentionDaysOf(c.var.config, c.var.auth.user));
    return c.json({ ...current, filesExpireAt, filesDeletedAt: job.filesDeletedAt }, 200);
  });
}
