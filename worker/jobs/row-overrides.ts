import { and, between, eq, sql } from "drizzle-orm";
import { getDb } from "../db/client";
import { rowOverrides, type RowOverride, type VariantOverride } from "../db/schema";
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

/** The run's row with the user's change applied: a line of theirs (or a regenerated one) wins, variant by variant. */
export function curate(run: RunRow, override: RowOverride | undefined): CuratedRow {
  if (!override) return { ...run, edited: false, review: null };
  const review = override.review ?? null;
  const others = override.lines ?? [];
  if (override.line === null && !others.some(Boolean)) return { ...run, edited: false, review };
  const positions = Math.max(run.lines.length, others.length, 1);
  const slots = Array.from({ length: positions }, (_, i) => (i === 0 ? override.line : others[i]?.line) ?? run.lines[i] ?? "");
  // Passing lines are packed in order (ADR 070): a blank slot (a variant without a line) closes up.
  const lines = slots.filter((line) => line !== "");
  const edited = (override.line !== null && override.edited) || others.some((other) => other?.edited === true);
  if (lines.length === 0) return { ...run, lines: [], edited, review };
  // The evidence is the first line's: none for the user's own line, the regeneration's, else the run's.
  const evidence = override.line === null ? (run.evidence ?? []) : override.edited ? [] : (override.evidence ?? []);
  return { line: lines[0]!, lines, status: "generated", evidence, edited, review };
}

/** Whether the row has a line from the user or a regeneration (a failed row retried would waste a charge). */
export const hasOwnLine = (override: RowOverride | undefined): boolean =>
  !!override && (override.line !== null || (override.lines ?? []).some((other) => !!other?.line));

/** Overrides of rows `first…last` that hold a line of their own (retry-failed leaves those rows alone). */
export async function rowsWithOwnLines(env: Env, jobId: string, range?: { first: number; last: number }): Promise<Set<number>> {
  const overrides = await loadOverrides(env, jobId, range);
  return new Set([...overrides.values()].filter(hasOwnLine).map((override) => override.row));
}

/**
 * Sets one variant's line (2 or 3) of a row: the user's own, or null for the run's again. One
 * statement (json_set over the stored array), so two edits of different variants never lose one.
 */
export async function saveVariantLine(env: Env, jobId: string, row: number, variant: number, variants: number, line: string | null): Promise<void> {
  const value = line === null ? null : ({ line, edited: true } satisfies VariantOverride);
  const initial: Array<VariantOverride | null> = Array.from({ length: variants }, (_, i) => (i === variant - 1 ? value : null));
  const updatedAt = new Date().toISOString();
  const blank = JSON.stringify(Array.from({ length: variants }, () => null));
  await getDb(env)
    .insert(rowOverrides)
    .values({ jobId, row, lines: initial, updatedAt })
    .onConflictDoUpdate({
      target: [rowOverrides.jobId, rowOverrides.row],
      set: { lines: sql`json_set(coalesce(${rowOverrides.lines}, ${blank}), ${`$[${variant - 1}]`}, json(${JSON.stringify(value)}))`, updatedAt },
    });
}

/** Writes what changed of a row's override (creating it), and answers the override as stored. */
export async function saveOverride(
  env: Env,
  jobId: string,
  row: number,
  change: Partial<Pick<RowOverride, "line" | "lines" | "evidence" | "edited" | "review" | "regenerations">>,
): Promise<RowOverride> {
  const updatedAt = new Date().toISOString();
  const [saved] = await getDb(env)
    .insert(rowOverrides)
    .values({ jobId, row, line: null, lines: null, evidence: null, edited: false, review: null, regenerations: 0, ...change, updatedAt })
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
