import type { ChunkResultFile, RowResult } from "./types";

/** Chunk results in R2: one JSON document per chunk run and lease, overwritten by its own checkpoints. */
export async function readResult(bucket: R2Bucket, key: string | null): Promise<ChunkResultFile | null> {
  if (!key) return null;
  const object = await bucket.get(key);
  return object ? ((await object.json()) as ChunkResultFile) : null;
}

export async function writeResult(bucket: R2Bucket, key: string, file: ChunkResultFile): Promise<void> {
  await bucket.put(key, JSON.stringify(file), { httpMetadata: { contentType: "application/json" } });
}

export function countRows(rows: RowResult[]): { generated: number; failed: number; pending: number } {
  const counts = { generated: 0, failed: 0, pending: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** Rows of a chunk before any run: all pending. */
export const pendingRows = (count: number): RowResult[] => Array.from({ length: count }, () => ({ status: "pending" as const }));
