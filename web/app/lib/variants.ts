import { formatNumber } from "./format";

/** A/B variants as the job page shows them: lettered lines, counted as lines (each is a credit). */
export const variantLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * "12 lines written" for a job of one line per prospect; with variants the prospects and the lines
 * differ, so both are said (the lines are what was charged: one credit each).
 */
export function writtenSummary(job: { succeeded: number; creditsCharged: number; variants?: number }): string {
  if ((job.variants ?? 1) <= 1) return `${formatNumber(job.succeeded)} lines written`;
  const prospects = `${formatNumber(job.succeeded)} ${job.succeeded === 1 ? "prospect" : "prospects"}`;
  return `${prospects}, ${formatNumber(job.creditsCharged)} ${job.creditsCharged === 1 ? "line" : "lines"} written`;
}

/** The line columns a download adds: personalized_line, then _2 and _3 for the variants. */
export function lineColumnNames(variants = 1): string {
  const names = Array.from({ length: Math.max(1, variants) }, (_, i) => (i === 0 ? "personalized_line" : `personalized_line_${i + 1}`));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
