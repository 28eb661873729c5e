import { createRoute } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { controlAnswer, loadOwnJob } from "./load";
import { JobSchema } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/v1/jobs/{id}/cancel",
  tags: ["Jobs"],
  summary: "Cancel: no LLM call starts after this; generated rows are charged, the rest of the hold goes back",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(JobSchema, "The job"),
    ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
  },
});

export function registerCancelJob(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const result = await roomFor(c.env, job.id).cancel();
    c.var.log.info("job cancel", { jobId: job.id, ok: result.ok });
    return c.json(controlAnswer(result), 200);
  });
}
