import { parseCsv } from "../csv/parse";
import type { ChunkRangeRef } from "./types";

/** Reads the rows of a byte range of the normalized upload (whole records, `\n`-separated). */
export class SourceMissingError extends Error {
  constructor(readonly key: string) {
    super(`The upload's normalized file ${key} is missing`);
  }
}

const decoder = new TextDecoder();

export async function readRange(bucket: R2Bucket, key: string, range: Pick<ChunkRangeRef, "start" | "end" | "rowCount">): Promise<string[][]> {
  if (range.end <= range.start) return [];
  const object = await bucket.get(key, { range: { offset: range.start, length: range.end - range.start } });
  if (!object) throw new SourceMissingError(key);
  const rows = parseCsv(decoder.decode(await object.arrayBuffer()));
  if (rows.length !== range.rowCount) {
    throw new Error(`Chunk at ${range.start}–${range.end} of ${key} holds ${rows.length} rows, expected ${range.rowCount}`);
  }
  return rows;
}
