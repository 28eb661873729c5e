import type { OutputPlan } from "../../../durable-objects/job-room";
import { parseCsv } from "../../csv/parse";
import { readResult } from "../results";
import { visibleStatus } from "../rows";
import type { ChunkResultFile, RowStatus } from "../types";

export interface OutputRow {
  cells: string[];
  line: string;
  status: RowStatus;
}

const PREFETCH = 4;

/**
 * Every row of a job in order, a chunk at a time: the normalized CSV is read in ONE streamed R2 get
 * and cut at the chunk boundaries (byte offsets), while the chunks' result files are fetched a few
 * ahead. Memory holds about one chunk, whatever the file size.
 */
export async function* outputRows(bucket: R2Bucket, plan: OutputPlan): AsyncGenerator<OutputRow[]> {
  const chunks = plan.chunks;
  if (chunks.length === 0) return;
  const start = chunks[0]!.start;
  const end = chunks[chunks.length - 1]!.end;
  const object = await bucket.get(plan.normalizedKey, { range: { offset: start, length: end - start } });
  if (!object) throw new Error(`normalized file ${plan.normalizedKey} is missing`);
  const reader = object.body.getReader();
  const decoder = new TextDecoder();
  let buffer = new Uint8Array(0);
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
        const next = new Uint8Array(buffer.byteLength + value.byteLength);
        next.set(buffer);
        next.set(value, buffer.byteLength);
        buffer = next;
      }
      const text = decoder.decode(buffer.subarray(chunk.start - bufferStart, chunk.end - bufferStart));
      buffer = buffer.slice(chunk.end - bufferStart);
      bufferStart = chunk.end;
      const cells = parseCsv(text);
      const result = await resultOf(i);
      results[i] = Promise.resolve(null);
      yield cells.map((row, r) => {
        const outcome = result?.rows[r];
        const status = visibleStatus(outcome, plan);
        return { cells: row, line: status === "generated" ? (outcome?.line ?? "") : "", status };
      });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The output's header: the input columns, then ours (renamed if the input already has them). */
export function outputHeader(columns: string[]): string[] {
  const taken = new Set(columns);
  const ours = ["personalized_line", "line_status"].map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  });
  return [...columns, ...ours];
}
