import type { Config } from "../config";
import { getDb } from "../db/client";
import { uploads, type Upload } from "../db/schema";
import { newId } from "../lib/ids";
import { deletePrefix, uploadPrefix } from "../storage";
import { normalizeCsvObject, readUploadBytes, type TableResult } from "./csv-pipeline";
import { sniffFormat } from "./format";
import { unparseable } from "./limits";
import { chunkIndexKeyFor, normalizedKeyFor, originalKeyFor } from "./normalized";
import { storeOriginal, type IncomingBody } from "./original";
import { normalizeXlsxObject } from "./xlsx/pipeline";

export interface NewUpload {
  filename: string;
  /** The file: a stream (with `length` when known in advance), or the whole content (tests, small files). */
  body: ReadableStream<Uint8Array> | Uint8Array | string;
  length?: number | null;
  /** XLSX: the sheet to read (name or 1-based position); default the first sheet with data. */
  sheet?: string;
  /** Seconds without a byte before a streamed upload is given up (default 30). */
  stallSeconds?: number;
}

/**
 * Creates an upload: the file is streamed into R2, checked ("file doctor"), turned into the normalized
 * CSV with its chunk index, and recorded in D1. Any refusal leaves nothing behind in R2 or D1.
 * The HTTP route is a thin layer over this; tests and other modules may call it directly.
 */
export async function storeUpload(env: Env, config: Config, userId: string, input: NewUpload): Promise<Upload> {
  const id = newId("upl");
  const prefix = uploadPrefix(userId, id);
  const originalKey = originalKeyFor(prefix);
  const normalizedKey = normalizedKeyFor(prefix);
  const chunkIndexKey = chunkIndexKeyFor(prefix);
  const bucket = env.FILES;
  try {
    const sizeBytes = await storeOriginal(bucket, originalKey, toIncomingBody(input), {
      maxBytes: config.MAX_UPLOAD_BYTES,
      stallSeconds: input.stallSeconds,
    });
    if (sizeBytes === 0) throw unparseable("The file is empty.", { reason: "empty" });
    const format = sniffFormat(await readUploadBytes(bucket, originalKey, 0, Math.min(sizeBytes, 8192)));
    const source = { key: originalKey, size: sizeBytes };
    const target = { normalizedKey, chunkIndexKey };
    const table: TableResult =
      format === "xlsx"
        ? await normalizeXlsxObject(bucket, source, target, { sheet: input.sheet })
        : await normalizeCsvObject(bucket, source, target);
    const [row] = await getDb(env)
      .insert(uploads)
      .values({
        id,
        userId,
        filename: input.filename,
        format: format === "xlsx" ? "xlsx" : "csv",
        sizeBytes,
        encoding: table.encoding,
        delimiter: table.delimiter,
        headerRow: table.headerRow,
        sheetName: table.sheetName,
        columns: table.columns,
        rowCount: table.rowCount,
        sampleRows: table.sampleRows,
        suggestedMapping: table.suggestedMapping as Record<string, string>,
        warnings: table.warnings,
        originalKey,
        normalizedKey,
        chunkIndexKey,
      })
      .returning();
    return row!;
  } catch (error) {
    await deletePrefix(bucket, prefix);
    throw error;
  }
}

function toIncomingBody(input: NewUpload): IncomingBody {
  if (input.body instanceof ReadableStream) return { stream: input.body, length: input.length ?? null };
  const bytes = typeof input.body === "string" ? new TextEncoder().encode(input.body) : input.body;
  return {
    stream: new ReadableStream({
      start(controller) {
        if (bytes.length > 0) controller.enqueue(bytes);
        controller.close();
      },
    }),
    length: bytes.length,
  };
}

/** Removes an upload's objects and row. */
export async function deleteUpload(env: Env, upload: Pick<Upload, "id" | "userId">): Promise<void> {
  await deletePrefix(env.FILES, uploadPrefix(upload.userId, upload.id));
}
