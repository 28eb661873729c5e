import type { Config } from "../config";
import { csvLine } from "../csv/write";
import { getDb } from "../db/client";
import { jobs, type Upload, type User } from "../db/schema";
import { newId } from "../lib/ids";
import { createLlmClient, llmOptionsFromConfig } from "../llm/client";
import { generateLines } from "../llm/generate";
import { ConnectionBudget } from "../lib/connections";
import { fenceFor } from "../llm/prompt";
import { toProspect } from "../llm/prospect";
import { emptyUsage, type Evidence } from "../llm/types";
import { researchProspects, withResearch } from "../research/enrich";
import { researcherFor } from "../research/researcher";
import type { ResearchStatus } from "../research/types";
import type { ChunkIndex } from "../uploads/normalized";
import { settingsFor, type JobRequest } from "./create";
import { chunkResultKey, roomFor } from "./keys";
import { regenerationFeedback } from "./regenerate";
import { countRows, linesOf, rowResultOf, writeResult } from "./results";
import { readChunkCells } from "./source";
import type { JobRecord, PublicJob } from "./types";

export interface PreviewRow {
  row: number;
  input: Record<string, string>;
  line: string | null;
  /** Every passing variant; `line` is the first. */
  lines: string[];
  status: "generated" | "failed";
  reason?: string;
  evidence?: Evidence[];
  research?: ResearchStatus;
}

const encoder = new TextEncoder();

/**
 * A preview: the first N rows now, with the same prompt and checks as a full run, free. One row per
 * LLM call, all at once, because a preview is judged by how fast it answers. Stored like a finished
 * one-chunk job, so GET /v1/jobs/:id, /rows and /output work for it too.
 */
export async function runPreview(
  env: Env,
  config: Config,
  user: User,
  upload: Upload,
  index: ChunkIndex,
  request: JobRequest,
): Promise<PublicJob & { results: PreviewRow[] }> {
  const id = newId("job");
  // One row per call, all at once: a preview is judged by how fast it answers.
  const settings = { ...settingsFor(config, request), rowsPerRequest: 1 };
  const count = Math.min(request.previewRows, index.rowCount);
  const lastChunk = index.chunks.find((chunk) => chunk.firstRow + chunk.rowCount - 1 >= count);
  const cells =
    count === 0 || !lastChunk
      ? []
      : (
          await readChunkCells(env.FILES, upload.normalizedKey, {
            start: index.headerBytes,
            end: lastChunk.end,
            rowCount: lastChunk.firstRow + lastChunk.rowCount - 1,
          })
        ).slice(0, count);

  const prospects = cells.map((row, i) => toProspect(i + 1, upload.columns, row, settings.mapping, settings.extraColumns));
  // The request's own six header slots; streamed, all the preview's calls can be in flight at once.
  const connections = new ConnectionBudget({ streams: Math.max(1, count) });
  const research = settings.research?.website ? await researchProspects(prospects, researcherFor(env, config, connections.streams, undefined, connections.fetch)) : undefined;
  const resolutions = await generateLines(prospects, {
    client: createLlmClient({ ...llmOptionsFromConfig(config), fetch: connections.fetch }),
    limiter: connections.streams,
    context: settings.context,
    fence: fenceFor(id),
    rowsPerRequest: settings.rowsPerRequest,
    usage: emptyUsage(),
    // The same preview asked for again gets other lines, as a regenerated row does.
    feedback: request.previewAttempt && request.previewAttempt > 1 ? regenerationFeedback(request.previewAttempt - 1) : undefined,
  });
  const rows = prospects.map((prospect) => withResearch(rowResultOf(resolutions.get(prospect.id), 0), research?.get(prospect.id)));

  const resultKey = chunkResultKey(user.id, id, 0, 0, "preview");
  await writeResult(env.FILES, resultKey, { v: 1, jobId: id, chunk: 0, run: 0, firstRow: 1, rows });
  const counts = countRows(rows);
  const now = new Date().toISOString();
  const status = counts.generated === 0 && counts.failed > 0 ? "failed" : "succeeded";
  const error = status === "failed" ? { code: "all_rows_failed", message: "No line passed the checks; each row says why." } : null;
  const record: JobRecord = {
    id,
    userId: user.id,
    uploadId: upload.id,
    mode: "preview",
    status,
    pauseReason: null,
    total: count,
    creditsHeld: 0,
    creditsCharged: 0,
    error,
    createdAt: now,
    startedAt: now,
    finishedAt: new Date().toISOString(),
    settings,
    normalizedKey: upload.normalizedKey,
    columns: upload.columns,
    retryPasses: 0,
    webhooks: 0,
  };
  await getDb(env).insert(jobs).values({
    id,
    userId: user.id,
    uploadId: upload.id,
    mode: "preview",
    status,
    mapping: settings.mapping,
    extraColumns: settings.extraColumns,
    context: settings.context as unknown as Record<string, unknown>,
    previewRows: request.previewRows,
    maxCredits: settings.maxCredits,
    webhookUrl: settings.webhookUrl,
    total: count,
    processed: counts.generated + counts.failed,
    succeeded: counts.generated,
    failed: counts.failed,
    error,
    createdAt: now,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  });
  // The preview's one chunk ends where its last row ends: the normalized form is exactly csvLine's.
  const end = index.headerBytes + cells.reduce((bytes, row) => bytes + encoder.encode(csvLine(row)).byteLength, 0);
  const job = await roomFor(env, id).init({
    job: record,
    chunks: count === 0 ? [] : [{ chunk: 0, start: index.headerBytes, end, firstRow: 1, rowCount: count }],
    preview: { resultKey, generated: counts.generated, failed: counts.failed },
  });
  const results: PreviewRow[] = rows.map((result, i) => ({
    row: i + 1,
    input: Object.fromEntries(upload.columns.map((column, c) => [column, cells[i]![c] ?? ""])),
    line: result.status === "generated" ? result.line! : null,
    lines: result.status === "generated" ? linesOf(result) : [],
    status: result.status === "generated" ? "generated" : "failed",
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.evidence ? { evidence: result.evidence } : {}),
    ...(result.research ? { research: result.research } : {}),
  }));
  return { ...job, results };
}
