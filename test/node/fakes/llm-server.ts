import type { IncomingMessage, ServerResponse } from "node:http";
import { answerFor, completionBody, parsePrompt, writeLine } from "../../../scripts/sample-model.mjs";
import { sendJson, startServer, type FakeServer } from "./http";

/**
 * An OpenAI-compatible chat-completions server for the tests and the benchmark, with configurable
 * latency and fault injection. Lines come from the local sample model's generator (facts of the row
 * only), so they pass the pipeline's checks unless a fault says otherwise.
 *
 * Scenarios keep tests apart: `POST /control/scenarios` with a config answers `{id: "scn_…"}`; a
 * completion request whose body contains that id (tests put it in the job's service description) uses
 * that scenario's latency and faults and is counted in its stats (`GET /control/scenarios/:id`).
 * Requests without a scenario id use the defaults given at start.
 *
 * It also hosts webhook sinks: `POST /hooks/:name` records the delivery and answers the next status
 * from `POST /control/hooks/:name {statuses}` (then 200); `GET /control/hooks/:name` lists deliveries.
 */
export interface ScenarioConfig {
  /** Fixed latency per request, plus up to `jitterMs` more. */
  latencyMs: number;
  jitterMs: number;
  /** Probabilities per request (0–1) of answering a fault instead of lines. */
  error500: number;
  error429: number;
  /** An answer with empty content. */
  empty: number;
  /** Never answers (the client's timeout must fire). */
  timeout: number;
  /** Content that is not JSON. */
  garbage: number;
  /** The first `failFirst.count` requests answer that fault, whatever the probabilities. */
  failFirst: { kind: FaultKind; count: number } | null;
  /** Seconds sent in Retry-After with 429s. */
  retryAfterSeconds: number;
  /** Leaves the last row out of every multi-row answer. */
  dropLastRow: boolean;
  /** First attempts get a line that fails the checks (a question); regenerations are fine. */
  badFirstLine: boolean;
  /** A gullible model: rows whose data says "ignore previous instructions" get the injected text. */
  obeyInjection: boolean;
  /** Rows with a `website` fact sheet get a line quoting its first words, cited as `website` evidence. */
  citeWebsite: boolean;
}

export type FaultKind = "error500" | "error429" | "empty" | "timeout" | "garbage";
const FAULT_KINDS: FaultKind[] = ["error500", "error429", "empty", "timeout", "garbage"];

export const DEFAULT_SCENARIO: ScenarioConfig = {
  latencyMs: 0,
  jitterMs: 0,
  error500: 0,
  error429: 0,
  empty: 0,
  timeout: 0,
  garbage: 0,
  failFirst: null,
  retryAfterSeconds: 1,
  dropLastRow: false,
  badFirstLine: false,
  obeyInjection: false,
  citeWebsite: false,
};

export interface ScenarioStats {
  requests: number;
  answered: number;
  faults: Record<FaultKind, number>;
  /** Row ids in the order they were asked for (a row asked twice appears twice). */
  rowsRequested: string[];
  promptTokens: number;
  completionTokens: number;
  /** When each request arrived (ms since the epoch). */
  requestTimes: number[];
  /** The last 50 requests' messages, for prompt assertions. */
  recent: Array<{ messages: Array<{ role: string; content: string }>; rowIds: string[] }>;
  maxInFlight: number;
}

interface Scenario {
  id: string;
  config: ScenarioConfig;
  stats: ScenarioStats;
  inFlight: number;
}

interface HookSink {
  statuses: number[];
  deliveries: Array<{ headers: Record<string, string | string[] | undefined>; body: string; receivedAt: string; status: number }>;
}

const newStats = (): ScenarioStats => ({
  requests: 0,
  answered: 0,
  faults: { error500: 0, error429: 0, empty: 0, timeout: 0, garbage: 0 },
  rowsRequested: [],
  requestTimes: [],
  promptTokens: 0,
  completionTokens: 0,
  recent: [],
  maxInFlight: 0,
});

const SCENARIO_ID = /scn_[a-z0-9]{10}/;

export async function startFakeLlm(defaults: Partial<ScenarioConfig> = {}): Promise<FakeServer> {
  const scenarios = new Map<string, Scenario>();
  const sinks = new Map<string, HookSink>();
  const fallback: Scenario = { id: "default", config: { ...DEFAULT_SCENARIO, ...defaults }, stats: newStats(), inFlight: 0 };

  const createScenario = (config: Partial<ScenarioConfig>): Scenario => {
    const id = `scn_${Math.random().toString(36).slice(2, 12).padEnd(10, "0")}`;
    const scenario: Scenario = { id, config: { ...DEFAULT_SCENARIO, ...config }, stats: newStats(), inFlight: 0 };
    scenarios.set(id, scenario);
    return scenario;
  };

  const server = await startServer(async (req, body, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "POST" && path === "/v1/chat/completions") return completions(req, body, res);
    if (req.method === "POST" && path === "/control/scenarios") {
      const scenario = createScenario(body ? (JSON.parse(body) as Partial<ScenarioConfig>) : {});
      return sendJson(res, 201, { id: scenario.id, config: scenario.config });
    }
    const scenarioPath = /^\/control\/scenarios\/([^/]+)$/.exec(path);
    if (scenarioPath) {
      const scenario = scenarioPath[1] === "default" ? fallback : scenarios.get(scenarioPath[1]!);
      if (!scenario) return sendJson(res, 404, { error: { message: "no such scenario" } });
      if (req.method === "PATCH") {
        scenario.config = { ...scenario.config, ...(JSON.parse(body || "{}") as Partial<ScenarioConfig>) };
      }
      return sendJson(res, 200, { id: scenario.id, config: scenario.config, stats: scenario.stats, inFlight: scenario.inFlight });
    }
    const hookPath = /^\/(control\/)?hooks\/([A-Za-z0-9_-]+)$/.exec(path);
    if (hookPath) {
      const name = hookPath[2]!;
      const sink = sinks.get(name) ?? { statuses: [], deliveries: [] };
      sinks.set(name, sink);
      if (hookPath[1] && req.method === "POST") {
        sink.statuses = (JSON.parse(body || "{}") as { statuses?: number[] }).statuses ?? [];
        return sendJson(res, 200, { ok: true });
      }
      if (hookPath[1]) return sendJson(res, 200, { deliveries: sink.deliveries });
      const status = sink.statuses.shift() ?? 200;
      sink.deliveries.push({ headers: req.headers, body, receivedAt: new Date().toISOString(), status });
      return sendJson(res, status, { received: status < 300 });
    }
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: "fake-llm", object: "model" }] });
    }
    sendJson(res, 404, { error: { message: "not found" } });
  });

  async function completions(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    let request: { messages?: Array<{ role: string; content: string }>; model?: string };
    try {
      request = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
    }
    const messages = Array.isArray(request.messages) ? request.messages : [];
    const scenario = scenarios.get(SCENARIO_ID.exec(body)?.[0] ?? "") ?? fallback;
    const { config, stats } = scenario;
    const prompt = parsePrompt(messages);
    const rowIds = prompt.rows.map((row: { id: string }) => row.id);
    stats.requests++;
    stats.requestTimes.push(Date.now());
    stats.rowsRequested.push(...rowIds);
    stats.recent.push({ messages, rowIds });
    if (stats.recent.length > 50) stats.recent.shift();
    scenario.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, scenario.inFlight);
    try {
      const fault = pickFault(config, stats.requests);
      if (fault) stats.faults[fault]++;
      // The answer is written first and sent `latencyMs` after the request arrived, so the fake's own
      // work is part of its latency, as a real model's is.
      let content = "";
      if (fault === "garbage") content = "Sure! Here are your lines: Ann at Acme…";
      else if (fault === null) content = answer(messages, prompt, config);
      const completion = completionBody(content, messages, request.model ?? "fake-llm");
      await delay(arrivedAt + config.latencyMs + Math.random() * config.jitterMs - Date.now());
      if (fault === "timeout") {
        // Hang until the client gives up.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 120_000);
          timer.unref();
          req.socket.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
        });
        res.destroy();
        return;
      }
      if (fault === "error500") return sendJson(res, 500, { error: { message: "The server had an error", type: "server_error" } });
      if (fault === "error429") {
        return sendJson(res, 429, { error: { message: "Rate limit reached", type: "rate_limit_error" } }, { "Retry-After": String(config.retryAfterSeconds) });
      }
      stats.answered++;
      stats.promptTokens += completion.usage.prompt_tokens;
      stats.completionTokens += completion.usage.completion_tokens;
      sendJson(res, 200, completion);
    } finally {
      scenario.inFlight--;
    }
  }

  return server;
}

type Prompt = ReturnType<typeof parsePrompt>;

function answer(messages: Array<{ role: string; content: string }>, prompt: Prompt, config: ScenarioConfig): string {
  if (!config.dropLastRow && !config.badFirstLine && !config.obeyInjection && !config.citeWebsite) return answerFor(messages);
  const rows = config.dropLastRow && prompt.rows.length > 1 ? prompt.rows.slice(0, -1) : prompt.rows;
  const lines = rows.map((row: { id: string; fields: Record<string, string> }) => {
    const written = writeLine(row, prompt.sender, prompt);
    const injected = Object.values(row.fields).find((value) => /ignore (all )?previous instructions/i.test(value));
    if (config.obeyInjection && injected) {
      return { id: row.id, line: injected, evidence: [] };
    }
    if (config.citeWebsite && row.fields.website) return { id: row.id, ...websiteLine(row.fields) };
    if (config.badFirstLine && !prompt.regenerating) {
      return { id: row.id, line: `${written.line.slice(0, -1)}, would that help?`, evidence: written.evidence };
    }
    return { id: row.id, ...written };
  });
  return JSON.stringify({ lines });
}

/** "<Company> says <first six words of the fact sheet>, so …" (18–25 words), citing both. */
function websiteLine(fields: Record<string, string>) {
  const company = fields.company ?? "Your company";
  const phrase = fields.website!.split(/[.|!]/)[0]!.trim().split(/\s+/).slice(0, 6).join(" ").replace(/[,;:]+$/, "");
  let line = `${company} says ${phrase}, so the daily work behind closing the books is familiar ground`;
  if (line.split(/\s+/).length < 18) line += " for the whole team there";
  return { line: `${line}.`, evidence: [{ field: "company", value: company }, { field: "website", value: phrase }] };
}

function pickFault(config: ScenarioConfig, requestNumber: number): FaultKind | null {
  if (config.failFirst && requestNumber <= config.failFirst.count) return config.failFirst.kind;
  let roll = Math.random();
  for (const kind of FAULT_KINDS) {
    if (roll < config[kind]) return kind;
    roll -= config[kind];
  }
  return null;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
