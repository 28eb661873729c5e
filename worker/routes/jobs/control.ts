import { createRoute } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { controlAnswer, loadOwnJob } from "./load";
import { JobSchema } from "./schemas";

/** POST /v1/jobs/{id}/<action> for the body-less controls (cancel, pause): same checks, one JobRoom call. */
export function registerBodylessJobControl(app: App, action: "cancel" | "pause", summary: string) {
  const route = createRoute({
    method: "post",
    path: `/v1/jobs/{id}/${action}`,
    operationId: `${action}Job`,
    tags: ["Jobs"],
    summary,
    security: bearerSecurity,
    middleware: [requireAuth, requireScope("jobs:write")] as const,
    request: { params: IdParam },
    responses: {
      200: jsonContent(JobSchema, "The job"),
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const room = roomFor(c.env, job.id);
    const result = action === "cancel" ? await room.cancel() : await room.pause();
    c.var.log.info(`job ${action}`, { jobId: job.id, ok: result.ok });
    return c.json(controlAnswer(result), 200);
  });
}
