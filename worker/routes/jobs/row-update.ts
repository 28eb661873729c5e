import { createRoute, z } from "@hono/zod-openapi";
import { readOneRow } from "../../jobs/regenerate";
import { saveOverride, saveVariantLine } from "../../jobs/row-overrides";
import { variantsOf } from "../../llm/types";
import { ApiError } from "../../lib/errors";
import { assertFilesKept } from "../../jobs/retention";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { loadOwnJob, outputPlanOf } from "./load";
import { RowParams } from "./row-params";
import { JobRowSchema } from "./schemas";

const UpdateRowBody = z
  .object({
    line: z
      .string()
      .trim()
      .min(1, "A line cannot be empty; send null to go back to the generated line.")
      .max(1000)
      .nullable()
      .optional()
      .openapi({ description: "Your own line (marked `edited`); null goes back to the generated one" }),
    review: z.enum(["approved", "rejected"]).nullable().optional().openapi({ description: "Approve or reject the row; null clears the mark" }),
    variant: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .openapi({ description: "Which of the row's lines `line` replaces (A/B variants; default 1, at most the job's `variants`)" }),
  })
  .strict()
  .refine((body) => body.line !== undefined || body.review !== undefined, { message: "Send a line, a review or both." })
  .refine((body) => body.variant === undefined || body.line !== undefined, { message: "`variant` says which line to replace: send a line with it.", path: ["variant"] })
  .openapi("UpdateJobRowRequest");

const route = createRoute({
  method: "patch",
  path: "/v1/jobs/{id}/rows/{row}",
  operationId: "updateJobRow",
  tags: ["Jobs"],
  summary: "Edit a row's line (any of its variants) or mark it approved or rejected",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: RowParams, body: jsonBody(UpdateRowBody) },
  responses: {
    200: jsonContent(JobRowSchema, "The row as it now reads"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "conflict", "gone"),
  },
});

export function registerUpdateJobRow(app: App) {
  app.openapi(route, async (c) => {
    const { id, row: rowNumber } = c.req.valid("param");
    const { line, review, variant = 1 } = c.req.valid("json");
    const job = await loadOwnJob(c.env, c.var.auth.user.id, id);
    assertFilesKept(job);
    const variants = variantsOf(job.context as { variants?: number });
    if (variant > variants) {
      throw new ApiError("invalid_request", `This job writes ${variants === 1 ? "one line" : `${variants} lines`} per row; there is no variant ${variant}.`, { variant, variants });
    }
    const plan = await outputPlanOf(c.env, job.id, { first: rowNumber, last: rowNumber });
    const row = await readOneRow(c.env, job, plan, rowNumber);
    // A row still being written would get the run's line (and its charge) after the user's edit.
    if (row.status === "pending") throw new ApiError("conflict", "This row is still being written; edit it once it is done.", { row: rowNumber });
    // Variant 1 is the row's `line` (as before variants); 2 and 3 are kept beside it (ADR 071).
    const firstLine = line !== undefined && variant === 1 ? { line, edited: line !== null, ...(line === null ? { evidence: null } : {}) } : {};
    const change = { ...firstLine, ...(review !== undefined ? { review } : {}) };
    if (line !== undefined && variant > 1) await saveVariantLine(c.env, job.id, rowNumber, variant, variants, line);
    if (Object.keys(change).length > 0) await saveOverride(c.env, job.id, rowNumber, change);
    // Read back as GET /rows shows it (going back to the generated line needs the run's own line).
    return c.json(await readOneRow(c.env, job, plan, rowNumber), 200);
  });
}
