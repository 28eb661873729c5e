import { createRoute, z } from "@hono/zod-openapi";
import { ROW_FILTERS } from "../../jobs/row-overrides";
import { searchJobRows } from "../../jobs/row-search";
import { readJobRows } from "../../jobs/rows";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { assertFilesKept } from "../../jobs/retention";
import { loadOwnJob, outputPlanOf } from "./load";
import { JobRowSchema } from "./schemas";

const RowsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).openapi({ description: "Rows to skip (0 = from the first row)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(ROW_FILTERS).optional().openapi({ description: "Only rows generated (not edited), failed, edited, approved or rejected" }),
  q: z.string().trim().max(200).optional().openapi({ description: "Words to find in the prospect's name and company" }),
});

const RowsPage = z
  .object({
    data: z.array(JobRowSchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    nextOffset: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Offset of the next page; with `status` or `q` it is where the next scan starts (a page may hold fewer than `limit` rows)" }),
  })
  .openapi("JobRowsPage");

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/rows",
  tags: ["Jobs"],
  summary: "Rows with their input, line, status and review, filtered by status or searched by name and company",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { params: IdParam, query: RowsQuery },
  responses: {
    200: jsonContent(RowsPage, "A page of rows"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "conflict", "gone"),
  },
});

export function registerJobRows(app: App) {
  app.openapi(route, async (c) => {
    const { offset, limit, status, q } = c.req.valid("query");
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    assertFilesKept(job);
    const filtered = status !== undefined || Boolean(q);
    const plan = await outputPlanOf(c.env, job.id, filtered ? undefined : { first: offset + 1, last: offset + limit });
    if (offset > 0 && offset >= plan.total) return c.json({ data: [], total: plan.total, offset, limit, nextOffset: null }, 200);
    // A deleted upload is found by the read itself (SourceMissingError, a 409), not by a HEAD first.
    if (filtered) {
      const page = await searchJobRows(c.env, job.id, plan, offset, limit, { filter: status, q: q || undefined, mapping: job.mapping });
      return c.json({ ...page, total: plan.total, offset, limit }, 200);
    }
    const data = await readJobRows(c.env, job.id, plan, offset, limit);
    const nextOffset = offset + limit < plan.total ? offset + limit : null;
    return c.json({ data, total: plan.total, offset, limit, nextOffset }, 200);
  });
}
