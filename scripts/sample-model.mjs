#!/usr/bin/env node
/**
 * The LOCAL SAMPLE MODEL: a small OpenAI-compatible server that `npm start` runs when no LLM_API_KEY
 * is set, so the whole product works offline. It is not an LLM: it fills a few sentence patterns with
 * facts copied from the row (and words from the sender's service description), within the requested
 * word range, and answers in the JSON shape the jobs pipeline asks for. It labels itself: every answer
 * names the model "openline-local-sample".
 *
 *   node scripts/sample-model.mjs            # port from SAMPLE_MODEL_PORT or PORT, default 8799
 *   import { startSampleModel } from "./scripts/sample-model.mjs"; await startSampleModel({ port });
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

export const SAMPLE_MODEL_NAME = "openline-local-sample";
export const DEFAULT_SAMPLE_MODEL_PORT = 8799;

const FENCE = /<<<DATA ([0-9a-f]+)>>>\n([\s\S]*?)\n<<<END DATA \1>>>/g;

/** Reads what the jobs pipeline's prompt carries: the sender's text, the rows, the word range. */
export function parsePrompt(messages) {
  const system = messages.find((message) => message.role === "system")?.content ?? "";
  const user = messages.filter((message) => message.role === "user").map((message) => message.content).join("\n");
  const blocks = [...user.matchAll(FENCE)].map((match) => {
    try {
      return JSON.parse(match[2]);
    } catch {
      return null;
    }
  });
  const sender = blocks.find((block) => block && !Array.isArray(block) && typeof block.service === "string") ?? { service: "" };
  const rows = blocks.find((block) => Array.isArray(block)) ?? [];
  const range = /between (\d+) and (\d+) words/.exec(system);
  return {
    sender,
    rows: rows.filter((row) => row && typeof row.id === "string" && row.fields && typeof row.fields === "object"),
    minWords: range ? Number(range[1]) : 18,
    maxWords: range ? Number(range[2]) : 25,
    regenerating: /previous line for this prospect was rejected/.test(user),
  };
}

const words = (text) => String(text).trim().split(/\s+/).filter(Boolean);
const hash = (text) => [...String(text)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const stripEnd = (text) => text.replace(/[\s.,;:!?]+$/, "");

const STOP_WORDS = new Set(["that", "which", "who", "for", "to", "in", "with", "so", "and", "by", "from", "on", "at"]);

/**
 * Noun phrases from the start of the sender's description, copied verbatim (so they are real evidence):
 * every prefix that ends right before a linking word, shortest first ("AI bookkeeping", "AI bookkeeping
 * that closes the books", …).
 */
function serviceTopics(service) {
  const firstClause = String(service).split(/[.!?;\n]/)[0] ?? "";
  const all = words(firstClause).map(stripEnd).filter(Boolean);
  const topics = [];
  for (let i = 1; i <= Math.min(all.length, 12); i++) {
    const next = all[i]?.toLowerCase();
    if (i === all.length || i === 12 || (next && STOP_WORDS.has(next))) topics.push(all.slice(0, i).join(" "));
  }
  return topics;
}

const FILLERS = ["in practice", "from one week to the next", "as the team grows", "these days", "on a normal day", "over time"];

/** One line from the row's facts only, within [minWords, maxWords], with the facts it used. */
export function writeLine(row, sender, { minWords = 18, maxWords = 25 } = {}) {
  const f = row.fields;
  const companyField = f.company ? "company" : Object.keys(f)[0];
  const company = companyField ? f[companyField] : "your company";
  const name = f.first_name ?? (f.full_name ? words(f.full_name)[0] : undefined);
  const { title, location, industry } = f;
  const topics = serviceTopics(sender.service ?? "");
  const variant = hash(row.id) % 3;

  const sentence = ({ topic, withTitle, withLocation, withIndustry, withName }) => {
    const who = withName && name ? name : null;
    const role = withTitle && title ? title : null;
    const where = withLocation && location ? ` in ${location}` : "";
    const thing = topic ?? "what you do";
    if (variant === 0) {
      return `${who ? `${who}, ` : ""}as ${role ?? "part of the team"} at ${company}${where}, you are close to the kind of work ${thing} is built for`;
    }
    if (variant === 1) {
      return `With your role as ${role ?? "a decision maker"} at ${company}${where}${who ? `, ${who}` : ""}, the day-to-day work behind ${thing} is likely familiar ground`;
    }
    const sector = withIndustry && industry ? `${industry} ` : "";
    return `${who ? `${who}, ` : ""}running ${sector}work as ${role ?? "a leader"} at ${company}${where} means you know the tasks ${thing} takes on first hand`;
  };

  // Richest first; the first that fits the word range wins.
  const candidates = [];
  for (const topic of [...topics].reverse().concat([null])) {
    for (const [withTitle, withLocation, withIndustry, withName] of [
      [true, true, true, true],
      [true, false, true, true],
      [true, false, false, true],
      [false, false, false, true],
      [false, false, false, false],
    ]) {
      candidates.push({ topic, text: sentence({ topic, withTitle, withLocation, withIndustry, withName }), withTitle, withLocation, withIndustry, withName });
    }
  }
  const fitting = candidates.find((c) => words(c.text).length >= minWords && words(c.text).length <= maxWords);
  const chosen = fitting ?? candidates.filter((c) => words(c.text).length <= maxWords)[0] ?? candidates[candidates.length - 1];
  let tokens = words(chosen.text);
  for (let i = hash(row.id + "fill"); tokens.length < minWords; i++) tokens.push(...words(FILLERS[i % FILLERS.length]));
  if (tokens.length > maxWords) tokens = tokens.slice(0, maxWords);
  tokens[tokens.length - 1] = stripEnd(tokens[tokens.length - 1]);
  let line = `${tokens.join(" ")}.`;
  line = line.charAt(0).toUpperCase() + line.slice(1);

  const evidence = [];
  const cite = (field, value) => {
    if (field && value && line.toLowerCase().includes(String(value).toLowerCase())) evidence.push({ field, value });
  };
  cite(companyField, company);
  if (chosen.withTitle) cite("title", title);
  if (chosen.withLocation) cite("location", location);
  if (chosen.withIndustry && variant === 2) cite("industry", industry);
  if (chosen.withName && name) cite(f.first_name ? "first_name" : "full_name", f.first_name ? name : f.full_name);
  if (chosen.topic) cite("service", chosen.topic);
  return { line, evidence };
}

/** The JSON answer the pipeline asks for, for every row in the prompt. */
export function answerFor(messages) {
  const prompt = parsePrompt(messages);
  const lines = prompt.rows.map((row) => ({ id: row.id, ...writeLine(row, prompt.sender, prompt) }));
  return JSON.stringify({ lines });
}

/** ~4 characters per token, the usual rule of thumb for English text. */
export const estimateTokens = (text) => Math.ceil(String(text).length / 4);

export function completionBody(content, messages, model = SAMPLE_MODEL_NAME) {
  const promptText = messages.map((message) => message.content ?? "").join("\n");
  const promptTokens = estimateTokens(promptText);
  const completionTokens = estimateTokens(content);
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2, 12)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function send(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Starts the sample model; resolves once it listens. */
export function startSampleModel({ port = DEFAULT_SAMPLE_MODEL_PORT, host = "127.0.0.1", latencyMs = 150 } = {}) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method === "GET" && (path === "/v1/models" || path === "/models")) {
        return send(res, 200, { object: "list", data: [{ id: SAMPLE_MODEL_NAME, object: "model", owned_by: "openline (local sample, not an LLM)" }] });
      }
      if (req.method === "GET" && path === "/") {
        return send(res, 200, { name: SAMPLE_MODEL_NAME, note: "Local sample model for offline use; lines are filled from the row's facts, not written by an LLM." });
      }
      if (req.method !== "POST" || !/\/chat\/completions$/.test(path)) return send(res, 404, { error: { message: "not found" } });
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, { error: { message: "invalid JSON" } });
      }
      const messages = Array.isArray(body.messages) ? body.messages : [];
      // A little latency so progress in the UI looks like a real run.
      setTimeout(() => send(res, 200, completionBody(answerFor(messages), messages)), latencyMs);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}/v1`,
        port: actualPort,
        model: SAMPLE_MODEL_NAME,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.SAMPLE_MODEL_PORT ?? process.env.PORT ?? DEFAULT_SAMPLE_MODEL_PORT);
  const model = await startSampleModel({ port });
  console.log(`${SAMPLE_MODEL_NAME}: local sample model (not an LLM) listening on ${model.url}`);
}
