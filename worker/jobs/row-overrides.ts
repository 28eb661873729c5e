import { and, between, eq, sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { rowOverrides, type RowOverride } from "../db/schema";
import type { Evidence } from "../llm/types";
import type { RowStatus } from "./types";

/**
 * A row as the user curated it: the run's outcome with the user's edit, review mark or regenerated
 * line on top. The chunk results in R2 are never rewritten for this (ADR 059).
 */
export type Review = "approved" | "rejected";
export type RowOverrides = Map<number, RowOverride>;

/** The run's view of a row, before the user's changes. */
export interface RunRow {
  line: string | null;
  /** Every line of the row (variants); `line` is the first. */
  lines: string[];
  status: RowStatus;
  reason?: string;
  evidence?: Evidence[];
}

export interface CuratedRow extends RunRow {
  edited: boolean;
  review: Review | null;
}

/** The user's changes of rows `first…last` (all rows when no range). */
export async function loadOverrides(env: Env, jobId: string, range?: { first: number; last: number }): Promise<RowOverrides> {
  const where = range ? and(eq(rowOverrides.jobId, jobId), between(rowOverrides.row, range.first, range.last)) : eq(rowOverrides.jobId, jobId);
  const rows = await getDb(env).select().from(rowOverrides).where(where);
  return new Map(rows.map((row) => [row.row, row]));
}

/** The run's row with the user's change applied: a line of theirs (or a regenerated one) wins. */
export function curate(run: RunRow, override: RowOverride | undefined): CuratedRow {
  if (!override) return { ...run, edited: false, review: null };
  const review = override.review ?? null;
  if (override.line === null) return { ...run, edited: false, review };
  const evidence = override.edited ? [] : (override.evidence ?? []);
  // The user's (or a regenerated) line is the first; the run's other variants stay beside it.
  const lines = [override.line, ...run.lines.slice(1)];
  return { line: override.line, lines, status: "generated", evidence, edited: override.edited, review };
}

/** Writes what changed of a row's override (creating it), and answers the override as stored. */
export async function saveOverride(
  env: Env,
  jobId: string,
  row: number,
  change: Partial<Pick<RowOverride, "line" | "evidence" | "edited" | "review" | "regenerations">>,
): Promise<RowOverride> {
  const updatedAt = new Date().toISOString();
  const [saved] = await getDb(env)
    .insert(rowOverrides)
    .values({ jobId, row, line: null, evidence: null, edited: false, review: null, regenerations: 0, ...change, updatedAt })
    .onConflictDoUpdate({ target: [rowOverrides.jobId, rowOverrides.row], set: { ...change, updatedAt } })
    .returning();
  return saved!;
}

/** Claims the next regeneration number of a row (1, 2, …) in one statement, so two clicks never share one. */
export async function nextRegeneration(env: Env, jobId: string, row: number): Promise<number> {
  const [saved] = await getDb(env)
    .insert(rowOverrides)
    .values({ jobId, row, regenerations: 1 })
    .onConflictDoUpdate({ target: [rowOverrides.jobId, rowOverrides.row], set: { regenerations: sql`${rowOverrides.regenerations} + 1` } })
    .returning({ regenerations: rowOverrides.regenerations });
  return saved!.regenerations;
}

/** The status filters of GET /v1/jobs/:id/rows. */
export const ROW_FILTERS = ["generated", "failed", "edited", "approved", "rejected"] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export function matchesFilter(row: CuratedRow, filter: RowFilter | undefined): boolean {
  switch (filter) {
    case undefined:
      return true;
    case "generated":
      return row.status === "generated" && !row.edited;
    case "failed":
      return row.status === "failed";
    case "edited":
      return row.edited;
    default:
      return row.review === filter;
  }
}
