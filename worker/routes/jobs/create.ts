import { createRoute } from "@hono/zod-openapi";
import type { Config } from "../../config";
import { createFullJob } from "../../jobs/create";
import { ApiError } from "../../lib/errors";
import { runPreview } from "../../jobs/preview";
import { checkColumns, loadUploadFor } from "../../jobs/upload-source";
import { assertWebhookUrl } from "../../jobs/webhook";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { createJobExample, jobExample, jobRowExample } from "../openapi-examples";
import { jobContextOf } from "./context";
import { CreateJobBody, JobSchema, PreviewJobSchema } from "./schemas";

/** Previews are free, so they are rate-limited per user: calls per 10 minutes, and rows per UTC day. */
export const PREVIEW_LIMIT = { name: "preview:user", limit: 30, windowSeconds: 600 };
const previewRowsPerDay = (config: Config) => ({ name: "preview-rows:user", limit: config.PREVIEW_ROWS_PER_DAY, windowSeconds: 86_400 });
/** Full jobs hold credits and fan out to the queue: a runaway client is stopped here (ADR 068). */
export const FULL_JOB_LIMIT = { name: "jobs:user", limit: 30, windowSeconds: 600 };

const route = createRoute({
  operationId: "createJob",
  method: "post",
  path: "/v1/jobs",
  tags: ["Jobs"],
  summary: "Preview a few rows now (free) or start a full job (credits held up front)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write"), idempotent()] as const,
  request: { body: jsonBody(CreateJobBody, createJobExample) },
  responses: {
    200: jsonContent(PreviewJobSchema, "Preview: the job with its results inline", { ...jobExample, mode: "preview", status: "succeeded", total: 1, processed: 1, succeeded: 1, creditsHeld: 0, results: [jobRowExample] }),
    202: jsonContent(JobSchema, "Full job: queued", jobExample),
    ...errorResponses("invalid_request", "unauthorized", "insufficient_credits", "credits_owed", "forbidden", "email_not_verified", "not_found", "conflict", "rate_limited"),
  },
});

export function registerCreateJob(app: App) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const { user } = c.var.auth;
    assertWebhookUrl(c.var.config, body.webhookUrl);
    // Before any read: a client over its preview limit costs one D1 write, not an upload load.
    if (body.mode === "preview") {
      await hitRateLimit(c, PREVIEW_LIMIT, user.id);
      await hitRateLimit(c, previewRowsPerDay(c.var.config), user.id, body.previewRows);
    } else {
      await hitRateLimit(c, FULL_JOB_LIMIT, user.id);
    }
    const { upload, index } = await loadUploadFor(c.env, user.id, body.uploadId);
    const mapping = body.mapping as Record<string, string>;
    checkColumns(upload, mapping, body.extraColumns);
    const { context, research } = await jobContextOf(c.env, user.id, body);
    const request = { ...body, mapping, context, research };
    if (body.mode === "preview") {
      const preview = await runPreview(c.env, c.var.config, user, upload, index, request);
      c.var.log.info("preview", { jobId: preview.id, rows: preview.total, generated: preview.succeeded });
      return c.json(preview, 200);
    }
    if (!user.emailVerifiedAt) {
      throw new ApiError("email_not_verified", "Confirm your email address first: full runs start once it is verified (previews work already). The link is in your inbox; POST /v1/auth/resend-verification sends a new one.");
    }
    const job = await createFullJob(c.env, c.var.config, user, upload, index, request);
    c.var.log.info("job started", { jobId: job.id, total: job.total, creditsHeld: job.creditsHeld });
    return c.json(job, 202);
  });
}
