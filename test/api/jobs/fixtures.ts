import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { ledgerFor } from "../../../worker/credits/ledger";
import { csvLine } from "../../../worker/csv/write";
import { getDb } from "../../../worker/db/client";
import { eq } from "drizzle-orm";
import { uploads, users } from "../../../worker/db/schema";
import { createFullJob } from "../../../worker/jobs/create";
import { loadUploadFor } from "../../../worker/jobs/upload-source";
import { newId } from "../../../worker/lib/ids";
import { uploadPrefix } from "../../../worker/storage";
import { chunkIndexKeyFor, normalizedKeyFor, originalKeyFor, type ChunkIndex } from "../../../worker/uploads/normalized";
import { call, json, type TestUser } from "../../helpers";
import { getConfig } from "../../../worker/parse-config";

/**
 * Test helpers for the jobs pipeline: uploads written straight in the normalized form (D1 row, R2
 * normalized CSV and chunk index, as worker/uploads/normalized.ts defines them), the fake LLM's
 * scenarios and webhook sinks, and polling a job until it settles.
 */
export const HEADER = ["First Name", "Last Name", "Company Name", "Job Title", "City", "Industry", "Email", "Notes"];
const FIRST = ["Ann", "José", "Zoë", "Łukasz", "李雷", "Priya", "Tom", "Fatima", "Lars", "Chloé"];
const COMPANIES = ["Acme GmbH", "Globex", "Initech", "Umbrella Logistics", "Hooli", "Stark Freight", "Wayne Foods", "Soylent Labs"];
const TITLES = ["CEO", "Head of Sales", "VP Marketing", "Founder", "Operations Manager", "CFO"];
const CITIES = ["Berlin", "Madrid", "Paris", "Kraków", "Austin", "Lyon"];

/** `count` prospect rows (header first), with names and cells that stress encodings and CSV quoting. */
export function prospectRows(count: number): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < count; i++) {
    rows.push([
      FIRST[i % FIRST.length]!,
      `Tester${i}`,
      `${COMPANIES[i % COMPANIES.length]}${i >= COMPANIES.length ? ` ${i}` : ""}`,
      TITLES[i % TITLES.length]!,
      CITIES[i % CITIES.length]!,
      i % 3 === 0 ? "Logistics" : "Software",
      `p${i}@example.com`,
      i % 4 === 0 ? `Met at "Expo", said: call back, later\nsecond line` : "",
    ]);
  }
  return rows;
}

export interface UploadFixture {
  id: string;
  columns: string[];
  rowCount: number;
  normalizedKey: string;
  index: ChunkIndex;
}

/** Writes an upload in the normalized form, `rowsPerChunk` rows per chunk. */
export async function createUploadFixture(user: Pick<TestUser, "id">, rows: string[][], rowsPerChunk = 10): Promise<UploadFixture> {
  const id = newId("upl");
  const prefix = uploadPrefix(user.id, id);
  const [header, ...data] = rows;
  const encoder = new TextEncoder();
  const headerLine = csvLine(header!);
  const headerBytes = encoder.encode(headerLine).byteLength;
  let text = headerLine;
  let offset = headerBytes;
  const chunks: ChunkIndex["chunks"] = [];
  data.forEach((row, i) => {
    const line = csvLine(row);
    const bytes = encoder.encode(line).byteLength;
    if (i % rowsPerChunk === 0) chunks.push({ index: chunks.length, start: offset, end: offset, firstRow: i + 1, rowCount: 0 });
    const chunk = chunks[chunks.length - 1]!;
    chunk.end = offset + bytes;
    chunk.rowCount++;
    offset += bytes;
    text += line;
  });
  const index: ChunkIndex = { version: 1, columns: header!, headerBytes, rowCount: data.length, rowsPerChunk, chunks };
  await env.FILES.put(normalizedKeyFor(prefix), text);
  await env.FILES.put(chunkIndexKeyFor(prefix), JSON.stringify(index));
  await env.FILES.put(originalKeyFor(prefix), text);
  await getDb(env)
    .insert(uploads)
    .values({
      id,
      userId: user.id,
      filename: "leads.csv",
      format: "csv",
      sizeBytes: offset,
      encoding: "utf-8",
      delimiter: ",",
      headerRow: 1,
      columns: header!,
      rowCount: data.length,
      sampleRows: [],
      suggestedMapping: {},
      warnings: [],
      originalKey: originalKeyFor(prefix),
      normalizedKey: normalizedKeyFor(prefix),
      chunkIndexKey: chunkIndexKeyFor(prefix),
    });
  return { id, columns: header!, rowCount: data.length, normalizedKey: normalizedKeyFor(prefix), index };
}

// ------------------------------------------------------------------ the fake LLM (Node, over HTTP)

const fakeBase = () => env.LLM_BASE_URL.replace(/\/v1$/, "");

export interface ScenarioConfig {
  latencyMs?: number;
  jitterMs?: number;
  ttftMs?: number;
  generationMsPerRow?: number;
  headerSlots?: number | null;
  stall?: number;
  error500?: number;
  error429?: number;
  empty?: number;
  timeout?: number;
  garbage?: number;
  failFirst?: { kind: "error500" | "error429" | "empty" | "timeout" | "garbage" | "stall"; count: number } | null;
  retryAfterSeconds?: number;
  dropLastRow?: boolean;
  badFirstLine?: boolean;
  badVariants?: number;
  obeyInjection?: boolean;
  citeWebsite?: boolean;
}

export interface ScenarioStats {
  requests: number;
  answered: number;
  faults: Record<"error500" | "error429" | "empty" | "timeout" | "garbage" | "stall", number>;
  rowsRequested: string[];
  requestTimes: number[];
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  streamed: number;
  maxWaitingForHeaders: number;
  queuedForHeaders: number;
  recent: Array<{ messages: Array<{ role: string; content: string }>; rowIds: string[] }>;
  maxInFlight: number;
}

/** A scenario of the fake LLM; put its id in the job's service text so requests find it. */
export async function createScenario(config: ScenarioConfig = {}): Promise<string> {
  const response = await fetch(`${fakeBase()}/control/scenarios`, { method: "POST", body: JSON.stringify(config) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export async function updateScenario(id: string, config: ScenarioConfig): Promise<void> {
  await fetch(`${fakeBase()}/control/scenarios/${id}`, { method: "PATCH", body: JSON.stringify(config) });
}

export async function scenarioStats(id: string): Promise<ScenarioStats> {
  return ((await (await fetch(`${fakeBase()}/control/scenarios/${id}`)).json()) as { stats: ScenarioStats }).stats;
}

export const hookUrl = (name: string) => `${fakeBase()}/hooks/${name}`;

export async function setHookStatuses(name: string, statuses: number[]): Promise<void> {
  await fetch(`${fakeBase()}/control/hooks/${name}`, { method: "POST", body: JSON.stringify({ statuses }) });
}

export async function hookDeliveries(name: string): Promise<Array<{ headers: Record<string, string>; body: string; status: number }>> {
  return ((await (await fetch(`${fakeBase()}/control/hooks/${name}`)).json()) as { deliveries: never[] }).deliveries;
}

// ------------------------------------------------------------------ jobs

export const MAPPING = { first_name: "First Name", company: "Company Name", title: "Job Title", location: "City", industry: "Industry" };

export function jobBody(uploadId: string, scenario: string, extra: Record<string, unknown> = {}) {
  return {
    uploadId,
    mode: "full",
    mapping: MAPPING,
    extraColumns: ["Notes"],
    context: { service: `AI bookkeeping that closes the books for small agencies in two days. ${scenario}`, tone: "friendly", language: "en" },
    ...extra,
  };
}

export async function startJob(user: TestUser, body: Record<string, unknown>): Promise<any> {
  const response = await call("POST", "/v1/jobs", { token: user.accessToken, body });
  const job = await json(response);
  expect(response.status, JSON.stringify(job)).toBe(202);
  return job;
}

export async function getJob(user: TestUser, id: string): Promise<any> {
  const response = await call("GET", `/v1/jobs/${id}`, { token: user.accessToken });
  expect(response.status).toBe(200);
  return json(response);
}

/** Polls the job until `done(job)` holds (default: a terminal status) or the time runs out. */
export async function waitForJob(user: TestUser, id: string, done: (job: any) => boolean = isSettled, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let job = await getJob(user, id);
  while (!done(job)) {
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} (${job.processed}/${job.total}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await getJob(user, id);
  }
  return job;
}

export const isSettled = (job: { status: string; creditsHeld: number }) =>
  ["succeeded", "failed", "canceled"].includes(job.status) && job.creditsHeld === 0;

export async function allRows(user: TestUser, id: string): Promise<any[]> {
  const rows: any[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const response = await call("GET", `/v1/jobs/${id}/rows?offset=${offset}&limit=200`, { token: user.accessToken });
    expect(response.status).toBe(200);
    const page: { data: any[]; nextOffset: number | null } = await json(response);
    rows.push(...page.data);
    offset = page.nextOffset;
  }
  return rows;
}

/** The ledger's invariant and this job's charges, as the ledger sees them. */
export async function ledgerState(userId: string, jobId: string) {
  const ledger = ledgerFor(env, userId);
  const audit = await ledger.audit();
  expect(audit.entriesSum).toBe(audit.balance + audit.held);
  const all = [];
  let cursor: number | undefined;
  do {
    const page = await ledger.listEntries({ limit: 100, cursor });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const entries = all.filter((entry) => entry.jobId === jobId);
  return { audit, entries, charged: 0 - entries.reduce((sum, entry) => sum + entry.delta, 0), job: await ledger.jobCredits({ jobId }) };
}

// ------------------------------------------------------------------ driving the consumer by hand

/** A full job whose chunk messages are NOT sent: the test delivers them with `deliver`. */
export async function createJobWithoutQueue(user: TestUser, body: Record<string, unknown>): Promise<any> {
  const [row] = await getDb(env).select().from(users).where(eq(users.id, user.id));
  const { upload, index } = await loadUploadFor(env, user.id, body.uploadId as string);
  const request = {
    extraColumns: [],
    previewRows: 5,
    ...body,
    context: { tone: "friendly", language: "en", maxWords: 25, ...(body.context as object) },
  } as unknown as Parameters<typeof createFullJob>[5];
  return createFullJob(env, getConfig(env), row!, upload, index, request, { fanOut: false });
}

/** The chunk message the room would send for `chunk` (run 0 unless said). */
export function chunkMessage(job: { id: string }, user: { id: string }, upload: UploadFixture, chunk: number, run = 0) {
  const range = upload.index.chunks[chunk]!;
  return {
    type: "chunk" as const,
    jobId: job.id,
    userId: user.id,
    chunk,
    run,
    start: range.start,
    end: range.end,
    firstRow: range.firstRow,
    rowCount: range.rowCount,
  };
}

/** Admin grant (or removal) of credits through the API. */
export async function adminGrant(admin: TestUser, userId: string, delta: number): Promise<void> {
  const response = await call("POST", `/v1/admin/users/${userId}/credits`, { token: admin.accessToken, body: { delta, reason: "jobs test" } });
  expect(response.status, await response.clone().text()).toBe(201);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
