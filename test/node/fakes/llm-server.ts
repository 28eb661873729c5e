import type { IncomingMessage, ServerResponse } from "node:http";
import { answerFor, completionBody, entryFor, parsePrompt, serviceTopic, writeLine } from "../../../scripts/sample-model.mjs";
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
  /**
   * A real model's timing (after `latencyMs`): the first token comes `ttftMs` after the request, the
   * rest over `generationMsPerRow` per prospect. A non-streamed answer sends its headers only when it
   * is complete, as real APIs do; a streamed one (`stream: true`, SSE) at the first token.
   */
  ttftMs: number;
  generationMsPerRow: number;
  /**
   * Deployed Workers' cap, enforced here rather than trusted to the client: at most this many
   * requests per invocation (the `X-Openline-Invocation` header, else the scenario) wait for their
   * headers; more wait their turn before the model starts on them, as the runtime queues them.
   */
  headerSlots: number | null;
  /** Probabilities per request (0–1) of answering a fault instead of lines. */
  error500: number;
  error429: number;
  /** An answer with empty content. */
  empty: number;
  /** Never answers (the client's timeout must fire). */
  timeout: number;
  /** Content that is not JSON. */
  garbage: number;
  /** Streamed: the first tokens come, then the stream goes quiet until the client gives up. */
  stall: number;
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
  /** Rows with a `website` fact sheet (research read the site) get a line quoting it, cited as `website` evidence. */
  citeWebsite: boolean;
  /** With variants: the last this many lines of each prospect fail the checks (a question), on every attempt. */
  badVariants: number;
}

export type FaultKind = "error500" | "error429" | "empty" | "timeout" | "garbage" | "stall";
const FAULT_KINDS: FaultKind[] = ["error500", "error429", "empty", "timeout", "garbage", "stall"];

export const DEFAULT_SCENARIO: ScenarioConfig = {
  latencyMs: 0,
  jitterMs: 0,
  ttftMs: 0,
  generationMsPerRow: 0,
  headerSlots: null,
  error500: 0,
  error429: 0,
  empty: 0,
  timeout: 0,
  garbage: 0,
  stall: 0,
  failFirst: null,
  retryAfterSeconds: 1,
  dropLastRow: false,
  badFirstLine: false,
  obeyInjection: false,
  citeWebsite: false,
  badVariants: 0,
};

export interface ScenarioStats {
  requests: number;
  answered: number;
  faults: Record<FaultKind, number>;
  /** Row ids in the order they were asked for (a row asked twice appears twice). */
  rowsRequested: string[];
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens a provider's prompt cache would have served (DeepSeek's rule: 64-token units of a prefix seen before). */
  cachedPromptTokens: number;
  streamed: number;
  /** Most requests of one invocation waiting for their headers at once, and how many had to queue for a slot. */
  maxWaitingForHeaders: number;
  queuedForHeaders: number;
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
  /** Recent prompts, for the prompt-cache estimate. */
  prompts: string[];
}

interface HookSink {
  statuses: number[];
  deliveries: Array<{ headers: Record<string, string | string[] | undefined>; body: string; receivedAt: string; status: number }>;
}

const newStats = (): ScenarioStats => ({
  requests: 0,
  answered: 0,
  faults: { error500: 0, error429: 0, empty: 0, timeout: 0, garbage: 0, stall: 0 },
  rowsRequested: [],
  requestTimes: [],
  promptTokens: 0,
  completionTokens: 0,
  cachedPromptTokens: 0,
  streamed: 0,
  maxWaitingForHeaders: 0,
  queuedForHeaders: 0,
  recent: [],
  maxInFlight: 0,
});

const SCENARIO_ID = /scn_[a-z0-9]{10}/;

export async function startFakeLlm(defaults: Partial<ScenarioConfig> = {}): Promise<FakeServer> {
  const scenarios = new Map<string, Scenario>();
  const sinks = new Map<string, HookSink>();
  const fallback: Scenario = { id: "default", config: { ...DEFAULT_SCENARIO, ...defaults }, stats: newStats(), inFlight: 0, prompts: [] };

  const createScenario = (config: Partial<ScenarioConfig>): Scenario => {
    const id = `scn_${Math.random().toString(36).slice(2, 12).padEnd(10, "0")}`;
    const scenario: Scenario = { id, config: { ...DEFAULT_SCENARIO, ...config }, stats: newStats(), inFlight: 0, prompts: [] };
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

  const headerGates = new Map<string, HeaderGate>();

  async function completions(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    let request: { messages?: Array<{ role: string; content: string }>; model?: string; stream?: boolean };
    try {
      request = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
    }
    const messages = Array.isArray(request.messages) ? request.messages : [];
    const scenario = scenarios.get(SCENARIO_ID.exec(body)?.[0] ?? "") ?? fallback;
    const { config, stats } = scenario;
    // The runtime would not even open the connection before a header slot frees: the clock starts then.
    const tag = String(req.headers["x-openline-invocation"] ?? scenario.id);
    const gate = headerGates.get(tag) ?? new HeaderGate();
    headerGates.set(tag, gate);
    const slot = await gate.enter(config.headerSlots, stats);
    const arrivedAt = Date.now();
    const prompt = parsePrompt(messages);
    const rowIds = prompt.rows.map((row: { id: string }) => row.id);
    stats.requests++;
    stats.requestTimes.push(Date.now());
    stats.rowsRequested.push(...rowIds);
    stats.recent.push({ messages, rowIds });
    if (stats.recent.length > 50) stats.recent.shift();
    scenario.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, scenario.inFlight);
    const streamed = request.stream === true;
    try {
      const fault = pickFault(config, stats.requests);
      if (fault) stats.faults[fault]++;
      // The answer is written first and sent on the model's schedule from the request's arrival, so
      // the fake's own work is part of its latency, as a real model's is.
      let content = "";
      if (fault === "garbage") content = "Sure! Here are your lines: Ann at Acme…";
      else if (fault === null || fault === "stall") content = answer(messages, prompt, config);
      const completion = completionBody(content, messages, request.model ?? "fake-llm");
      const cached = cachedTokens(scenario, messages);
      const firstTokenAt = arrivedAt + config.latencyMs + Math.random() * config.jitterMs + config.ttftMs;
      const doneAt = firstTokenAt + config.generationMsPerRow * Math.max(1, rowIds.length);
      await delay((streamed || fault !== null ? firstTokenAt : doneAt) - Date.now());
      if (fault === "timeout") {
        slot.release();
        return hang(req, res);
      }
      if (fault === "error500") return sendJson(res, 500, { error: { message: "The server had an error", type: "server_error" } });
      if (fault === "error429") {
        return sendJson(res, 429, { error: { message: "Rate limit reached", type: "rate_limit_error" } }, { "Retry-After": String(config.retryAfterSeconds) });
      }
      const usage = { ...completion.usage, prompt_cache_hit_tokens: cached, prompt_cache_miss_tokens: completion.usage.prompt_tokens - cached, prompt_tokens_details: { cached_tokens: cached } };
      if (!streamed) {
        stats.answered++;
        count(stats, usage, cached);
        return sendJson(res, 200, { ...completion, usage });
      }
      stats.streamed++;
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      slot.release();
      const pieces = splitContent(content, fault === "stall" ? 2 : 8);
      const sendChunk = (delta: Record<string, string>, extra: Record<string, unknown> = {}) =>
        res.write(`data: ${JSON.stringify({ id: completion.id, object: "chat.completion.chunk", created: completion.created, model: completion.model, choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`);
      sendChunk({ role: "assistant", content: pieces[0] ?? "" });
      if (fault === "stall") return hang(req, res);
      for (let i = 1; i < pieces.length; i++) {
        await delay(firstTokenAt + ((doneAt - firstTokenAt) * i) / (pieces.length - 1) - Date.now());
        sendChunk({ content: pieces[i]! });
      }
      await delay(doneAt - Date.now());
      res.write(`data: ${JSON.stringify({ id: completion.id, object: "chat.completion.chunk", created: completion.created, model: completion.model, choices: [], usage })}\n\n`);
      res.end("data: [DONE]\n\n");
      stats.answered++;
      count(stats, usage, cached);
    } finally {
      slot.release();
      scenario.inFlight--;
    }
  }

  return server;
}

type Prompt = ReturnType<typeof parsePrompt>;

function answer(messages: Array<{ role: string; content: string }>, prompt: Prompt, config: ScenarioConfig): string {
  if (!config.dropLastRow && !config.badFirstLine && !config.obeyInjection && !config.citeWebsite && !config.badVariants) {
    return answerFor(messages);
  }
  const rows = config.dropLastRow && prompt.rows.length > 1 ? prompt.rows.slice(0, -1) : prompt.rows;
  // Lines of a variant job (or asked again for one) from `badVariants` on fail: the last ones of each answer.
  const badFrom = config.badVariants && (prompt.variants > 1 || prompt.regenerating) ? prompt.variants - config.badVariants : Infinity;
  const lines = rows.map((row: { id: string; fields: Record<string, string> }) => {
    let n = 0;
    const write: typeof writeLine = (row, sender, options) => {
      const written =
        config.citeWebsite && isFactSheet(row.fields.website)
          ? websiteLine(row.fields, sender, { minWords: options?.minWords ?? prompt.minWords, maxWords: options?.maxWords ?? prompt.maxWords }, options?.variant ?? (prompt.regenerating ? 1 : 0))
          : writeLine(row, sender, options);
      const bad = (config.badFirstLine && !prompt.regenerating) || n++ >= badFrom;
      return bad ? { line: `${written.line.slice(0, -1)}, would that help?`, evidence: written.evidence } : written;
    };
    const injected = Object.values(row.fields).find((value) => /ignore (all )?previous instructions/i.test(value));
    if (config.obeyInjection && injected) {
      return { id: row.id, line: injected, evidence: [] };
    }
    return entryFor(row, prompt, write);
  });
  return JSON.stringify({ lines });
}

/**
 * The mapped website cell is a URL or a domain; research replaces it with the site's fact sheet (prose,
 * worker/research/enrich.ts) only when the site was read. A cell with no space in it is the bare
 * address: research failed or was off, and there is nothing on the site to cite.
 */
const isFactSheet = (website: string | undefined): website is string => !!website && /\s/.test(website.trim());

/** Each variant's own ending (a line asked again takes the next), so lines differ: a repeated variant is not kept. */
const WEBSITE_ENDINGS = [
  (topic: string) => `and I wonder where ${topic} could help with that`,
  (topic: string) => `so ${topic} might take some work off your plate`,
  (topic: string) => `which makes me curious how ${topic} would fit in there`,
];

/** Words a quote cut short must not end on ("… robots for"). */
const DANGLING = /\s+(a|an|the|and|or|for|of|to|in|on|at|by|with|from|that|who|which)$/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * A line quoting the website fact sheet, as a person would after reading the site: "I read that Acme
 * Robotics builds autonomous picking robots…, and I wonder where AI bookkeeping could help…". It
 * quotes the first statement that says something about the company (not its bare name, which the fact
 * sheet usually starts with), cites it as `website` evidence, and fits the prompt's word range.
 */
function websiteLine(fields: Record<string, string>, sender: { service?: string }, range: { minWords: number; maxWords: number }, variant: number) {
  const company = fields.company ?? "your company";
  const statements = fields.website!.split(/(?<=[.!?])\s+|\s+\|\s+/).map((part) => part.replace(/[.!?…,;:\s]+$/, "").trim());
  const aboutCompany = statements.find((part) => part.toLowerCase().startsWith(company.toLowerCase()) && words(part).length > words(company).length + 2);
  const other = statements.find((part) => words(part).length >= 3 && part.toLowerCase() !== company.toLowerCase());
  const statement = aboutCompany ?? other ?? statements[0]!;
  // The line must name the company (a check): a quote about it does, otherwise the lead does.
  const lead = aboutCompany ? "I read that" : `I read on the ${company} website about`;
  const ending = WEBSITE_ENDINGS[variant % WEBSITE_ENDINGS.length]!(serviceTopic(sender.service ?? "") ?? "our service");
  // The quote takes what the word range leaves (at least three words); a short line gets a closing phrase.
  const room = Math.max(3, range.maxWords - words(lead).length - words(ending).length);
  let quote = words(statement).slice(0, room).join(" ").replace(/[,;:–—-]+$/, "");
  while (DANGLING.test(quote)) quote = quote.replace(DANGLING, "");
  // A sentence-initial capital reads wrong mid-sentence ("about Dashboards"); names keep theirs.
  if (!aboutCompany) quote = quote.replace(/^\p{Lu}\p{Ll}+\b/u, (word) => word.toLowerCase());
  let line = `${lead} ${quote}, ${ending}`;
  if (words(line).length < range.minWords) line += " these days";
  const evidence = [{ field: "company", value: company }, { field: "website", value: quote }];
  return { line: `${line}.`, evidence };
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

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function count(stats: ScenarioStats, usage: { prompt_tokens: number; completion_tokens: number }, cached: number): void {
  stats.promptTokens += usage.prompt_tokens;
  stats.completionTokens += usage.completion_tokens;
  stats.cachedPromptTokens += cached;
}

/** Hangs until the client gives up (a timeout, or a stalled stream). */
async function hang(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 120_000);
    timer.unref();
    req.socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  res.destroy();
}

function splitContent(content: string, parts: number): string[] {
  if (content === "") return [""];
  const size = Math.ceil(content.length / parts);
  const pieces: string[] = [];
  for (let i = 0; i < content.length; i += size) pieces.push(content.slice(i, i + size));
  return pieces;
}

/**
 * A provider's prompt cache, roughly as DeepSeek documents it: the longest prefix this prompt shares
 * with a recent prompt of the same scenario, in whole 64-token units (4 characters a token).
 */
function cachedTokens(scenario: Scenario, messages: Array<{ role: string; content: string }>): number {
  const text = messages.map((message) => message.content ?? "").join("\n");
  let best = 0;
  for (const earlier of scenario.prompts) {
    const max = Math.min(earlier.length, text.length);
    let i = 0;
    while (i < max && earlier.charCodeAt(i) === text.charCodeAt(i)) i++;
    best = Math.max(best, i);
  }
  scenario.prompts.push(text);
  if (scenario.prompts.length > 8) scenario.prompts.shift();
  return Math.floor(best / 4 / 64) * 64;
}

/** Requests of one invocation waiting for their headers; beyond `slots`, the next waits its turn. */
class HeaderGate {
  private waiting = 0;
  private readonly queue: Array<() => void> = [];

  async enter(slots: number | null, stats: ScenarioStats): Promise<{ release(): void }> {
    if (slots !== null && this.waiting >= slots) {
      stats.queuedForHeaders++;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.waiting++;
    stats.maxWaitingForHeaders = Math.max(stats.maxWaitingForHeaders, this.waiting);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = this.queue.shift();
        if (next) next();
        else this.waiting--;
      },
    };
  }
}
