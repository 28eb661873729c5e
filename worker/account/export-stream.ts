import type { Job, Upload } from "../db/schema";
import { roomFor } from "../jobs/keys";
import { openOutput, outputRows } from "../jobs/output/reader";
import { SourceMissingError } from "../jobs/source";
import type { Logger } from "../lib/logger";

/**
 * The account export as a JSON stream (audit item 10, ADR 068): the account's records, each upload
 * with its file as uploaded (base64, `original`), and each job with its generated lines (`lines`:
 * row, line, status). Files are streamed from R2 a chunk at a time, so a 100 MB upload costs no more
 * memory than a small one. A file the retention clean-up or a deletion removed is `null`.
 */
export interface ExportRecords {
  head: Record<string, unknown>;
  uploads: Array<{ row: Upload; fields: Record<string, unknown> }>;
  jobs: Array<{ row: Job; fields: Record<string, unknown> }>;
}

const encoder = new TextEncoder();

/** `{"a":1}` → `{"a":1` so more members can follow. */
const open = (value: Record<string, unknown>) => JSON.stringify(value).slice(0, -1);

export function exportStream(env: Env, records: ExportRecords, log: Logger): ReadableStream<Uint8Array> {
  const parts = exportParts(env, records);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await parts.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        log.error("account export broke off", { error });
        controller.error(error);
      }
    },
  });
}

async function* exportParts(env: Env, { head, uploads, jobs }: ExportRecords): AsyncGenerator<string | Uint8Array> {
  yield `${open(head)},"uploads":[`;
  for (const [i, upload] of uploads.entries()) {
    yield `${i ? "," : ""}${open(upload.fields)},"original":`;
    const object = upload.row.filesDeletedAt ? null : await env.FILES.get(upload.row.originalKey);
    if (!object) yield "null";
    else {
      yield '"';
      yield* base64Chunks(object.body);
      yield '"';
    }
    yield "}";
  }
  yield `],"jobs":[`;
  for (const [i, job] of jobs.entries()) {
    yield `${i ? "," : ""}${open(job.fields)},"lines":`;
    yield* jobLines(env, job.row);
    yield "}";
  }
  yield "]}";
}

/** Base64 of a byte stream, cut at multiples of 3 bytes so the pieces join into one valid string. */
async function* base64Chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let carry = new Uint8Array(0);
  for await (const chunk of body) {
    const bytes = new Uint8Array(carry.length + chunk.length);
    bytes.set(carry);
    bytes.set(chunk, carry.length);
    const whole = bytes.length - (bytes.length % 3);
    yield toBase64(bytes.subarray(0, whole));
    carry = bytes.slice(whole);
  }
  if (carry.length) yield toBase64(carry);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function* jobLines(env: Env, job: Job): AsyncGenerator<string> {
  const plan = job.filesDeletedAt ? null : await roomFor(env, job.id).outputPlan();
  let source;
  try {
    source = plan ? await openOutput(env.FILES, plan) : null;
  } catch (error) {
    if (!(error instanceof SourceMissingError)) throw error;
    source = null;
  }
  if (!source) {
    yield "null";
    return;
  }
  yield "[";
  let row = 0;
  for await (const rows of outputRows(source)) {
    for (const { line, status } of rows) {
      row++;
      yield `${row > 1 ? "," : ""}${JSON.stringify({ row, line, status })}`;
    }
  }
  yield "]";
}
