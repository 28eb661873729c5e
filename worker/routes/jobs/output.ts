import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { uploads } from "../../db/schema";
import { csvStream } from "../../jobs/output/csv";
import { xlsxStream } from "../../jobs/output/xlsx";
import { openOutput } from "../../jobs/output/reader";
import { variantsOf } from "../../llm/types";
import { loadOverrides } from "../../jobs/row-overrides";
import { ApiError } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";
import { assertFilesKept } from "../../jobs/retention";
import { loadOwnJob, outputPlanOf } from "./load";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/output",
  tags: ["Jobs"],
  summary: "The list with personalized_line and line_status (your edits applied; with include=evidence, the evidence each line rests on), as CSV (UTF-8 BOM, CRLF) or XLSX, streamed",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: {
    params: IdParam,
    query: z.object({
      format: z.enum(["csv", "xlsx"]).default("csv"),
      review: z.enum(["approved"]).optional().openapi({ description: "`approved`: only the rows you approved" }),
      include: z.enum(["evidence"]).optional().openapi({ description: "`evidence` adds an evidence column: the fields and words each line rests on" }),
    }),
  },
  responses: {
    200: {
      description: "The file",
      content: {
        "text/csv": { schema: z.string().openapi({ format: "binary" }) },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "conflict", "gone"),
  },
});

/** `leads.csv` → `leads-openline.csv`, safe in a Content-Disposition header. */
function downloadName(filename: string | undefined, jobId: string, extension: string): string {
  const base = (filename ?? jobId).replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || jobId;
  return `${base}-openline.${extension}`;
}

export function registerJobOutput(app: App) {
  app.openapi(route, async (c) => {
    const { format, review, include } = c.req.valid("query");
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    assertFilesKept(job);
    // Previews are free and shown inline; a download would make them a free product (ADR 068).
    if (job.mode === "preview") throw new ApiError("conflict", "Previews have no output: their lines come inline. Run a full job to download.");
    const plan = await outputPlanOf(c.env, job.id);
    // The stream starts after the 200 is sent, so the rows are opened before (a deleted upload: 409).
    const variants = variantsOf(job.context as { variants?: number });
    const opened = await openOutput(c.env.FILES, plan, { evidence: include === "evidence", variants });
    const source = { ...opened, overrides: await loadOverrides(c.env, job.id), approvedOnly: review === "approved" };
    const [upload] = await getDb(c.env).select({ filename: uploads.filename }).from(uploads).where(eq(uploads.id, job.uploadId));
    const name = downloadName(upload?.filename, job.id, format);
    const body = format === "xlsx" ? xlsxStream(source) : csvStream(source);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
