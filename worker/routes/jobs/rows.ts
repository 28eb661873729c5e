import { createRoute, z } from "@hono/zod-openapi";
import { readJobRows } from "../../jobs/rows";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { loadOwnJob, outputPlanOf } from "./load";
import { JobRowSchema } from "./schemas";

const RowsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).openapi({ description: "Rows to skip (0 = from the first row)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const RowsPage = z
  .object({
    data: z.array(JobRowSchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi("JobRowsPage");

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/rows",
  tags: ["Jobs"],
  summary: "Rows with their input, line and status, for the UI",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { params: IdParam, query: RowsQuery },
  responses: {
    200: jsonContent(RowsPage, "A page of rows"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "conflict"),
  },
});

export function registerJobRows(app: App) {
  app.openapi(route, async (c) => {
    const { offset, limit } = c.req.valid("query");
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const plan = await outputPlanOf(c.env, job.id, { first: offset + 1, last: offset + limit });
    if (offset > 0 && offset >= plan.total) return c.json({ data: [], total: plan.total, offset, limit, nextOffset: null }, 200);
    // A deleted upload is found by the read itself (SourceMissingError, a 409), not by a HEAD first.
    const data = await readJobRows(c.env, plan, offset, limit);
    const nextOffset = offset + limit < plan.total ? offset + limit : null;
    return c.json({ data, total: plan.total, offset, limit, nextOffset }, 200);
  });
}
