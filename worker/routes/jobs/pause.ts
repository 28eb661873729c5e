import { createRoute } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { controlAnswer, loadOwnJob } from "./load";
import { JobSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/v1/jobs/{id}/pause",
  tags: ["Jobs"],
  summary: "Pause: running chunks stop before their next LLM call; resume goes on where it stopped",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(JobSchema, "The job"),
    ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
  },
});

export function registerPauseJob(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const result = await roomFor(c.env, job.id).pause();
    c.var.log.info("job pause", { jobId: job.id, ok: result.ok });
    return c.json(controlAnswer(result), 200);
  });
}
