import type { OutputPlan } from "./room/contract";
import type { Evidence } from "../llm/types";
import { readResult } from "./results";
import { readRange } from "./source";
import { isTerminal, type RowResult, type RowStatus } from "./types";

export interface JobRow {
  row: number;
  input: Record<string, string>;
  line: string | null;
  status: RowStatus;
  reason?: string;
  evidence?: Evidence[];
}

/** A row's status as users see it: rows a finished (canceled) job never reached are `skipped`. */
export function visibleStatus(result: RowResult | undefined, plan: Pick<OutputPlan, "status">): RowStatus {
  const status = result?.status ?? "pending";
  return status === "pending" && isTerminal(plan.status) ? "skipped" : status;
}

/** Rows `offset + 1 … offset + limit` with their inputs and lines, read chunk by chunk from R2. */
export async function readJobRows(env: Env, plan: OutputPlan, offset: number, limit: number): Promise<JobRow[]> {
  const first = offset + 1;
  const last = Math.min(plan.total, offset + limit);
  const chunks = plan.chunks.filter((chunk) => chunk.firstRow <= last && chunk.firstRow + chunk.rowCount - 1 >= first);
  const parts = await Promise.all(
    chunks.map(async (chunk) => {
      const [cells, result] = await Promise.all([readRange(env.FILES, plan.normalizedKey, chunk), readResult(env.FILES, chunk.resultKey)]);
      const rows: JobRow[] = [];
      for (let i = 0; i < chunk.rowCount; i++) {
        const row = chunk.firstRow + i;
        if (row < first || row > last) continue;
        const outcome = result?.rows[i];
        const status = visibleStatus(outcome, plan);
        rows.push({
          row,
          input: Object.fromEntries(plan.columns.map((column, c) => [column, cells[i]![c] ?? ""])),
          line: status === "generated" ? (outcome?.line ?? null) : null,
          status,
          ...(status === "failed" && outcome?.reason ? { reason: outcome.reason } : {}),
          ...(status === "generated" && outcome?.evidence ? { evidence: outcome.evidence } : {}),
        });
      }
      return rows;
    }),
  );
  return parts.flat();
}
