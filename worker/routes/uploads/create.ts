import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { multipartBoundary, openMultipartFile } from "../../uploads/multipart";
import { fileTooLarge } from "../../uploads/original";
import { storeUpload } from "../../uploads/store";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";
import { uploadExample } from "../openapi-examples";
import { profilesForSuggestion } from "../../uploads/profile-suggestions";
import { publicUpload, UploadSchema } from "./schemas";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Raw body types; the file's own bytes decide the format, these only keep obvious mistakes out. */
const RAW_TYPES = [
  "text/csv",
  "text/plain",
  XLSX_TYPE,
  "application/octet-stream",
  "text/tab-separated-values",
  "application/csv",
  "text/x-csv",
  "application/vnd.ms-excel",
];

const binary = { type: "string", format: "binary" } as const;

const route = createRoute({
  operationId: "createUpload",
  method: "post",
  path: "/v1/uploads",
  tags: ["Uploads"],
  summary: "Upload a prospect list (CSV, TSV or XLSX), streamed to storage and checked",
  description:
    "The file is the raw body (name in `?filename=`) or the `file` field of multipart/form-data. " +
    "Encoding, delimiter, header row and a column mapping are detected; every row is counted.",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:write"), idempotent({ hashBody: false })] as const,
  request: {
    query: z.object({
      filename: z.string().min(1).max(255).optional().openapi({ example: "leads.csv" }),
      sheet: z.string().min(1).max(100).optional().openapi({ description: "XLSX: sheet name or 1-based position (default: the first sheet with data)" }),
    }),
    // Plain OpenAPI schemas (not zod) on purpose: nothing may read the streamed body before the handler.
    body: {
      required: true,
      content: {
        "text/csv": { schema: binary },
        "text/plain": { schema: binary },
        [XLSX_TYPE]: { schema: binary },
        "application/octet-stream": { schema: binary },
        "multipart/form-data": {
          schema: { type: "object", properties: { file: binary, sheet: { type: "string" } }, required: ["file"] },
        },
      },
    },
  },
  responses: {
    201: jsonContent(UploadSchema, "The upload, with what was found in it", uploadExample),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "conflict", "file_too_large", "unsupported_file_type", "unparseable_file", "rate_limited"),
  },
});

export function registerCreateUpload(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    const query = c.req.valid("query");
    await hitRateLimit(c, { name: "uploads:user", limit: 120, windowSeconds: 3600 }, user.id);

    const contentType = c.req.header("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    const body = c.req.raw.body ?? emptyStream();
    let file: { filename: string | null; sheet?: string; stream: ReadableStream<Uint8Array>; length: number | null };

    if (mediaType === "multipart/form-data") {
      const boundary = multipartBoundary(contentType);
      if (!boundary) throw new ApiError("invalid_request", "multipart/form-data needs a boundary parameter.");
      // The whole request is larger than the file inside it: refuse early only what cannot fit.
      const declared = Number(c.req.header("content-length"));
      const maxBytes = c.var.config.MAX_UPLOAD_BYTES;
      if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw fileTooLarge(maxBytes, declared);
      const part = await openMultipartFile(body, boundary);
      file = { filename: part.filename, sheet: part.fields.sheet, stream: part.stream, length: null };
    } else {
      if (mediaType !== "" && !RAW_TYPES.includes(mediaType)) {
        throw new ApiError("unsupported_file_type", `Content-Type ${mediaType} is not a file upload; send the file as text/csv, an XLSX or multipart/form-data.`, {
          contentType: mediaType,
          accepted: [...RAW_TYPES, "multipart/form-data"],
        });
      }
      const declared = c.req.header("content-length");
      file = { filename: null, stream: body, length: declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null };
    }

    const upload = await storeUpload(c.env, c.var.config, user.id, {
      filename: cleanFilename(query.filename ?? file.filename ?? "upload.csv"),
      body: file.stream,
      length: file.length,
      sheet: query.sheet ?? file.sheet,
    });
    c.var.log.info("upload stored", { uploadId: upload.id, format: upload.format, rows: upload.rowCount, bytes: upload.sizeBytes });
    return c.json(publicUpload(upload, await profilesForSuggestion(c.env, user.id)), 201);
  });
}

/** The last path segment, without control characters, at most 255 characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean || "upload.csv";
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}
