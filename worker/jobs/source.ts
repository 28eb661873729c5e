import { parseCsv } from "../csv/parse";
import { ApiError } from "../lib/errors";
import type { ChunkRangeRef } from "./types";

/**
 * The job's upload was deleted: whatever route was reading it answers 409 (an ApiError), and the
 * chunk consumer fails the job.
 */
export class SourceMissingError extends ApiError {
  constructor(readonly key: string) {
    super("conflict", "The upload this job read was deleted, so its rows cannot be read.");
  }
}

/** The cells of one chunk's rows (string[][]), parsed from a byte range of the normalized upload (whole records, `\n`-separated). */

const decoder = new TextDecoder();

export async function readChunkCells(bucket: R2Bucket, key: string, range: Pick<ChunkRangeRef, "start" | "end" | "rowCount">): Promise<string[][]> {
  if (range.end <= range.start) return [];
  const object = await bucket.get(key, { range: { offset: range.start, length: range.end - range.start } });
  if (!object) throw new SourceMissingError(key);
  const rows = parseCsv(decoder.decode(await object.arrayBuffer()));
  if (rows.length !== range.rowCount) {
    throw new Error(`Chunk at ${range.start}–${range.end} of ${key} holds ${rows.length} rows, expected ${range.rowCount}`);
  }
  return rows;
}
