import type { OutputPlan } from "../room/contract";
import { parseCsv } from "../../csv/parse";
import { concat } from "../../uploads/blocks";
import { linesOf, readResult } from "../results";
import { curate, type RowOverrides } from "../row-overrides";
import { SourceMissingError } from "../source";
import { visibleStatus } from "../rows";
import type { Evidence } from "../../llm/types";
import type { ChunkResultFile, RowStatus } from "../types";

export interface OutputRow {
  cells: string[];
  line: string;
  /** Every line of the row (variants), `line` first. */
  lines: string[];
  /** The run's status, or `edited` for a line the user wrote. */
  status: RowStatus | "edited";
  /** What the line rests on (none for a line the user wrote). */
  evidence: Evidence[];
}

/** What the output adds beyond the lines (`?include=evidence`). */
export interface OutputOptions {
  evidence: boolean;
  /** Lines per prospect the job asked for: one `personalized_line` column each (1 when absent). */
  variants?: number;
}

const PREFETCH = 4;

/** A job's output opened for reading: the ranged read of its normalized rows has already answered. */
export interface OutputSource {
  bucket: R2Bucket;
  plan: OutputPlan;
  options: OutputOptions;
  /** The normalized rows the chunks cover (null when the job has none). */
  body: ReadableStream<Uint8Array> | null;
  /** The user's edits, reviews and regenerated lines (none when absent). */
  overrides?: RowOverrides;
  /** Only rows the user approved (`?review=approved`). */
  approvedOnly?: boolean;
}

/**
 * Opens the normalized rows before anything is answered, so a deleted upload is a 409
 * (SourceMissingError) rather than a download that breaks after its 200.
 */
export async function openOutput(bucket: R2Bucket, plan: OutputPlan, options: OutputOptions = { evidence: false }): Promise<OutputSource> {
  const chunks = plan.chunks;
  if (chunks.length === 0) return { bucket, plan, options, body: null };
  const start = chunks[0]!.start;
  const length = chunks[chunks.length - 1]!.end - start;
  const object = await bucket.get(plan.normalizedKey, { range: { offset: start, length } });
  if (!object) throw new SourceMissingError(plan.normalizedKey);
  return { bucket, plan, options, body: object.body };
}

/**
 * Every row of a job in order, a chunk at a time: the normalized CSV is read in ONE streamed R2 get
 * and cut at the chunk boundaries (byte offsets), while the chunks' result files are fetched a few
 * ahead. Memory holds about one chunk, whatever the file size.
 */
export async function* outputRows({ bucket, plan, body, overrides, approvedOnly }: OutputSource): AsyncGenerator<OutputRow[]> {
  if (!body) return;
  const chunks = plan.chunks;
  const start = chunks[0]!.start;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer: Uint8Array = new Uint8Array(0);
  let bufferStart = start;

  const results: Array<Promise<ChunkResultFile | null>> = [];
  const resultOf = (i: number) => {
    for (let j = results.length; j <= Math.min(i + PREFETCH, chunks.length - 1); j++) results[j] = readResult(bucket, chunks[j]!.resultKey);
    return results[i]!;
  };

  try {
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      while (bufferStart + buffer.byteLength < chunk.end) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`normalized file ${plan.normalizedKey} ended before byte ${chunk.end}`);
        buffer = concat([buffer, value]);
      }
      const text = decoder.decode(buffer.subarray(chunk.start - bufferStart, chunk.end - bufferStart));
      buffer = buffer.slice(chunk.end - bufferStart);
      bufferStart = chunk.end;
      const cells = parseCsv(text);
      const result = await resultOf(i);
      results[i] = Promise.resolve(null);
      const rows: OutputRow[] = [];
      cells.forEach((row, r) => {
        const outcome = result?.rows[r];
        const status = visibleStatus(outcome, plan);
        const generated = status === "generated";
        const run = {
          line: generated ? (outcome?.line ?? "") : "",
          lines: generated && outcome ? linesOf(outcome) : [],
          status,
          evidence: generated ? (outcome?.evidence ?? []) : [],
        };
        const curated = curate(run, overrides?.get(chunk.firstRow + r));
        if (approvedOnly && curated.review !== "approved") return;
        rows.push({ cells: row, line: curated.line ?? "", lines: curated.lines, status: curated.edited ? "edited" : curated.status, evidence: curated.evidence ?? [] });
      });
      yield rows;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** `personalized_line`, then `personalized_line_2`, `_3` for the variants the job has. */
const lineColumns = (variants = 1) => Array.from({ length: variants }, (_, i) => (i === 0 ? "personalized_line" : `personalized_line_${i + 1}`));

/** The output's header: the input columns, then ours (renamed if the input already has them). */
export function outputHeader(columns: string[], options: OutputOptions = { evidence: false }): string[] {
  const taken = new Set(columns);
  const names = [...lineColumns(options.variants), "line_status", ...(options.evidence ? ["evidence"] : [])];
  const ours = names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  });
  return [...columns, ...ours];
}

/**
 * The evidence of a line in one cell: `field: "value"` items joined by "; ", a researched source's
 * address in brackets. Readable in a spreadsheet and splittable by a script.
 */
export function evidenceCell(evidence: Evidence[]): string {
  return evidence.map((item) => `${item.field}: "${item.value.replace(/"/g, "'")}"${item.url ? ` <${item.url}>` : ""}`).join("; ");
}

/** One output row's cells after the input columns. */
export function addedCells(row: OutputRow, options: OutputOptions): string[] {
  // One cell per variant, blank where that variant failed; the first is the row's (curated) line.
  const lines = lineColumns(options.variants).map((_, i) => (i === 0 ? row.line : (row.lines[i] ?? "")));
  return options.evidence ? [...lines, row.status, evidenceCell(row.evidence)] : [...lines, row.status];
}
