import { createRoute, z } from "@hono/zod-openapi";
import { regenerateRow } from "../../jobs/regenerate";
import { assertFilesKept } from "../../jobs/retention";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";
import { loadOwnJob, outputPlanOf } from "./load";
import { RowParams } from "./row-params";
import { JobRowSchema } from "./schemas";

const RegeneratedRow = JobRowSchema.extend({
  regeneration: z
    .object({
      status: z.enum(["generated", "failed"]),
      reason: z.string().optional(),
      charged: z.number().int().openapi({ description: "Credits charged: 1 per new line (one per passing variant), 0 when it failed" }),
    })
    .openapi({ description: "What this regeneration did; a failed one leaves the row as it was" }),
}).openapi("RegeneratedJobRow");

const route = createRoute({
  method: "post",
  path: "/v1/jobs/{id}/rows/{row}/regenerate",
  operationId: "regenerateJobRow",
  tags: ["Jobs"],
  summary: "Write new lines (every variant) for one row of a finished job (1 credit per line that passes the checks, free when none does)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write"), idempotent()] as const,
  request: { params: RowParams },
  responses: {
    200: jsonContent(RegeneratedRow, "The row, with a new line when the regeneration passed the checks"),
    ...errorResponses("unauthorized", "insufficient_credits", "forbidden", "not_found", "conflict", "gone"),
  },
});

export function registerRegenerateJobRow(app: App) {
  app.openapi(route, async (c) => {
    const { id, row } = c.req.valid("param");
    const job = await loadOwnJob(c.env, c.var.auth.user.id, id);
    assertFilesKept(job);
    const plan = await outputPlanOf(c.env, job.id, { first: row, last: row });
    const result = await regenerateRow(c.env, c.var.config, job, plan, row);
    c.var.log.info("row regenerated", { jobId: job.id, row, status: result.regeneration.status });
    return c.json({ ...result.row, regeneration: result.regeneration }, 200);
  });
}
