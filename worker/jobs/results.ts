import type { RowResolution } from "../llm/generate";
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

/** The rows a chunk run starts from: its base result (last run or checkpoint), else all pending. */
export async function startingRows(bucket: R2Bucket, baseKey: string | null, rowCount: number): Promise<RowResult[]> {
  const base = await readResult(bucket, baseKey);
  return base && base.rows.length === rowCount ? base.rows : pendingRows(rowCount);
}

/** A row the run still has to do: pending, or failed in an earlier run when the run retries failures. */
export const isToDo = (row: RowResult, run: number, retryFailed: boolean): boolean =>
  row.status === "pending" || (retryFailed && row.status === "failed" && row.run !== run);

/** A row's lines: all its variants, else its one line. */
export const linesOf = (row: Pick<RowResult, "line" | "lines">): string[] => row.lines ?? (row.line === undefined ? [] : [row.line]);

/** Lines this run generated, every passing variant counted (what it charges). */
export const generatedIn = (rows: RowResult[], run: number): number =>
  rows.reduce((sum, row) => sum + (row.status === "generated" && row.run === run ? Math.max(1, linesOf(row).length) : 0), 0);

/** A row's stored result from what the LLM made of it; a row the model never answered fails as unavailable. */
export function rowResultOf(resolution: RowResolution | undefined, run: number): RowResult {
  if (resolution?.status === "generated") {
    const lines = resolution.variants ? { lines: resolution.variants.map((variant) => variant.line) } : {};
    return { status: "generated", line: resolution.line, evidence: resolution.evidence, ...lines, run };
  }
  if (resolution?.status === "failed") return { status: "failed", reason: resolution.reason, run };
  return { status: "failed", reason: "llm_unavailable: the model could not be reached", run };
}
