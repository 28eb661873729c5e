import { createRoute, z } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { controlAnswer, loadOwnJob } from "./load";
import { JobSchema } from "./schemas";

const ResumeBody = z
  .object({
    maxCredits: z.number().int().min(1).max(10_000_000).optional().openapi({ description: "A new budget for a job paused at its budget" }),
  })
  .strict()
  .openapi("ResumeJobRequest");

const route = createRoute({
  operationId: "resumeJob",
  method: "post",
  path: "/v1/jobs/{id}/resume",
  tags: ["Jobs"],
  summary: "Resume a paused job (optionally with a higher maxCredits); 402 when it has no credits to go on",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam, body: { required: false, content: { "application/json": { schema: ResumeBody } } } },
  responses: {
    200: jsonContent(JobSchema, "The job"),
    ...errorResponses("invalid_request", "unauthorized", "insufficient_credits", "forbidden", "not_found", "conflict"),
  },
});

export function registerResumeJob(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const body = (c.req.valid("json") ?? {}) as z.infer<typeof ResumeBody>;
    const result = await roomFor(c.env, job.id).resume({ maxCredits: body.maxCredits });
    c.var.log.info("job resume", { jobId: job.id, ok: result.ok });
    return c.json(controlAnswer(result), 200);
  });
}
