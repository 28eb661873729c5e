import { createRoute } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { failedRowsWithOwnLines } from "../../jobs/retry-settled";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { controlAnswer, loadOwnJob, outputPlanOf } from "./load";
import { JobSchema } from "./schemas";

const route = createRoute({
  operationId: "retryFailedJobRows",
  method: "post",
  path: "/v1/jobs/{id}/retry-failed",
  tags: ["Jobs"],
  summary: "Run the failed rows of a finished job again (their credits are held first)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write"), idempotent()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(JobSchema, "The job, queued again"),
    ...errorResponses("unauthorized", "insufficient_credits", "forbidden", "not_found", "conflict"),
  },
});

export function registerRetryFailedJob(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    // Failed rows regenerated (or written) since are not run again; the room needs their count.
    const settledRows = job.mode === "full" ? await failedRowsWithOwnLines(c.env, job.id, await outputPlanOf(c.env, job.id)) : 0;
    const result = await roomFor(c.env, job.id).retryFailed({ settledRows });
    c.var.log.info("job retry-failed", { jobId: job.id, ok: result.ok });
    return c.json(controlAnswer(result), 200);
  });
}
