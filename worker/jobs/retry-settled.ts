import { readResult } from "./results";
import { rowsWithOwnLines } from "./row-overrides";
import type { OutputPlan } from "./room/contract";

/**
 * How many of a job's failed rows the user has since given a line (a regeneration or their own):
 * retry-failed leaves them alone (ADR 071). Reads only the result files of chunks holding such rows.
 */
export async function failedRowsWithOwnLines(env: Env, jobId: string, plan: OutputPlan): Promise<number> {
  const own = await rowsWithOwnLines(env, jobId);
  if (own.size === 0) return 0;
  const chunks = plan.chunks.filter((chunk) => [...own].some((row) => row >= chunk.firstRow && row < chunk.firstRow + chunk.rowCount));
  const counts = await Promise.all(
    chunks.map(async (chunk) => {
      const result = await readResult(env.FILES, chunk.resultKey);
      return (result?.rows ?? []).filter((row, i) => row.status === "failed" && own.has(chunk.firstRow + i)).length;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
