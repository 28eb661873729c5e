import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { uploads, type Upload } from "../db/schema";
import { ApiError, notFound } from "../lib/errors";
import type { ChunkIndex } from "../uploads/normalized";

/** The user's upload a job reads, with its chunk index; another user's upload is "not found". */
export async function loadUploadFor(env: Env, userId: string, uploadId: string): Promise<{ upload: Upload; index: ChunkIndex }> {
  const [upload] = await getDb(env).select().from(uploads).where(and(eq(uploads.id, uploadId), eq(uploads.userId, userId)));
  if (!upload) throw notFound("Upload");
  const object = await env.FILES.get(upload.chunkIndexKey);
  if (!object) throw new ApiError("conflict", "This upload's files are gone; upload the file again.", { uploadId });
  return { upload, index: (await object.json()) as ChunkIndex };
}

/** Every mapped and extra column must exist in the upload (the body's schema already requires `company`). */
export function checkColumns(upload: Upload, mapping: Record<string, string>, extraColumns: string[]): void {
  const known = new Set(upload.columns);
  const issues: Array<{ path: string; code: string; message: string }> = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(column)) issues.push({ path: `mapping.${field}`, code: "unknown_column", message: `The upload has no column "${column}".` });
  }
  extraColumns.forEach((column, i) => {
    if (!known.has(column)) issues.push({ path: `extraColumns.${i}`, code: "unknown_column", message: `The upload has no column "${column}".` });
  });
  if (issues.length > 0) {
    throw new ApiError("invalid_request", `Invalid request: ${issues[0]!.path}: ${issues[0]!.message}`, { issues, columns: upload.columns });
  }
}
