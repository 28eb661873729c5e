import { env } from "cloudflare:workers";
import { parseCsv } from "../../../worker/csv/parse";
import { csvLine } from "../../../worker/csv/write";
import { normalizeCsvObject } from "../../../worker/uploads/csv-pipeline";
import type { ChunkIndex } from "../../../worker/uploads/normalized";

/** Stores bytes in R2 and runs the CSV pipeline on them, with `blockBytes`-sized blocks. */
export async function normalizeText(content: string | Uint8Array, blockBytes?: number) {
  const folder = `test-unit/${crypto.randomUUID()}/`;
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  await env.FILES.put(`${folder}original`, bytes);
  const target = { normalizedKey: `${folder}normalized.csv`, chunkIndexKey: `${folder}chunks.json` };
  const result = await normalizeCsvObject(env.FILES, { key: `${folder}original`, size: bytes.length }, target, { blockBytes });
  const stored = await env.FILES.get(target.normalizedKey);
  const normalized = new Uint8Array(await stored!.arrayBuffer());
  const index = await (await env.FILES.get(target.chunkIndexKey))!.json<ChunkIndex>();
  return { result, normalized, index, csv: new TextDecoder().decode(normalized), folder };
}

/** What the normalized CSV must be: the parsed rows, blank ones dropped, written back. */
export function expectedNormalized(text: string, delimiter = ","): string {
  return parseCsv(text, delimiter)
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map(csvLine)
    .join("");
}

/** Checks every chunk range of an index against the normalized bytes: whole records, right rows. */
export function chunkRows(index: ChunkIndex, normalized: Uint8Array): string[][][] {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  return index.chunks.map((chunk) => parseCsv(decoder.decode(normalized.subarray(chunk.start, chunk.end))));
}
