import type { OutputPlan } from "./room/contract";
import type { Evidence } from "../llm/types";
import type { ResearchStatus } from "../research/types";
import { linesOf, readResult } from "./results";
import { curate, loadOverrides, type Review, type RowOverrides } from "./row-overrides";
import { readChunkCells } from "./source";
import { isTerminal, type RowResult, type RowStatus } from "./types";

export interface JobRow {
  row: number;
  input: Record<string, string>;
  line: string | null;
  lines: string[];
  status: RowStatus;
  reason?: string;
  evidence?: Evidence[];
  edited: boolean;
  review: Review | null;
  /** When the job researched websites: `ok`, or why the line rests on the row alone. */
  research?: ResearchStatus;
}

export type PlanChunk = OutputPlan["chunks"][number];

/** A row's status as users see it: rows a finished (canceled) job never reached are `skipped`. */
export function visibleStatus(result: RowResult | undefined, plan: Pick<OutputPlan, "status">): RowStatus {
  const status = result?.status ?? "pending";
  return status === "pending" && isTerminal(plan.status) ? "skipped" : status;
}

/** Every row of one chunk with its input, the run's line and the user's changes (one R2 read each). */
export async function readChunkRows(env: Env, plan: OutputPlan, chunk: PlanChunk, overrides: RowOverrides): Promise<JobRow[]> {
  const [cells, result] = await Promise.all([readChunkCells(env.FILES, plan.normalizedKey, chunk), readResult(env.FILES, chunk.resultKey)]);
  const rows: JobRow[] = [];
  for (let i = 0; i < chunk.rowCount; i++) {
    const row = chunk.firstRow + i;
    const outcome = result?.rows[i];
    const status = visibleStatus(outcome, plan);
    const curated = curate(
      {
        line: status === "generated" ? (outcome?.line ?? null) : null,
        lines: status === "generated" && outcome ? linesOf(outcome) : [],
        status,
        ...(status === "failed" && outcome?.reason ? { reason: outcome.reason } : {}),
        ...(status === "generated" && outcome?.evidence ? { evidence: outcome.evidence } : {}),
      },
      overrides.get(row),
    );
    rows.push({
      row,
      input: Object.fromEntries(plan.columns.map((column, c) => [column, cells[i]![c] ?? ""])),
      ...curated,
      ...(outcome?.research ? { research: outcome.research } : {}),
    });
  }
  return rows;
}

/** Rows `offset + 1 … offset + limit` with their inputs and lines, read chunk by chunk from R2. */
export async function readJobRows(env: Env, jobId: string, plan: OutputPlan, offset: number, limit: number): Promise<JobRow[]> {
  const first = offset + 1;
  const last = Math.min(plan.total, offset + limit);
  const chunks = plan.chunks.filter((chunk) => chunk.firstRow <= last && chunk.firstRow + chunk.rowCount - 1 >= first);
  const overrides = await loadOverrides(env, jobId, { first, last });
  const parts = await Promise.all(chunks.map((chunk) => readChunkRows(env, plan, chunk, overrides)));
  return parts.flat().filter((row) => row.row >= first && row.row <= last);
}
