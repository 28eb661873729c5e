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
import { serviceTopic, writeLine } from "./sample-lines.mjs";

export { serviceTopic, writeLine };

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
  const tone = /in an? ([\p{L} '-]+?) tone\./u.exec(system);
  const version = /another version, number (\d+)/.exec(user);
  const variants = /Write (\d+) different lines for each prospect/.exec(user);
  return {
    sender,
    rows: rows.filter((row) => row && typeof row.id === "string" && row.fields && typeof row.fields === "object"),
    minWords: range ? Number(range[1]) : 18,
    maxWords: range ? Number(range[2]) : 25,
    regenerating: /previous line for this prospect was rejected/.test(user),
    tone: tone ? tone[1] : "friendly",
    version: version ? Number(version[1]) : 1,
    variants: variants ? Number(variants[1]) : 1,
  };
}

/** The JSON answer the pipeline asks for, for every row in the prompt. */
export function answerFor(messages) {
  const prompt = parsePrompt(messages);
  return JSON.stringify({ lines: prompt.rows.map((row) => entryFor(row, prompt)) });
}

/** A prospect's answer: one line, or `variants` lines (each a version further on) when several are asked. */
export function entryFor(row, prompt, write = writeLine) {
  if (prompt.variants <= 1) return { id: row.id, ...write(row, prompt.sender, prompt) };
  // A variant asked again after a failed check moves on a version, so it reads differently; each
  // version moves every variant on by the number asked, so a regenerated row gets all-new frames.
  const version = prompt.version + (prompt.regenerating ? 1 : 0);
  const shift = (version - 1) * prompt.variants;
  const variants = Array.from({ length: prompt.variants }, (_, i) => write(row, prompt.sender, { ...prompt, version, variant: i + shift }));
  return { id: row.id, variants };
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

/** The same answer as server-sent events (`stream: true`): the content in one chunk, then the usage. */
export function sendStream(res, completion) {
  const chunk = (fields) => `data: ${JSON.stringify({ id: completion.id, object: "chat.completion.chunk", created: completion.created, model: completion.model, ...fields })}\n\n`;
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.write(chunk({ choices: [{ index: 0, delta: { role: "assistant", content: completion.choices[0].message.content }, finish_reason: "stop" }] }));
  res.write(chunk({ choices: [], usage: completion.usage }));
  res.end("data: [DONE]\n\n");
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
      setTimeout(() => {
        const completion = completionBody(answerFor(messages), messages);
        if (body.stream === true) sendStream(res, completion);
        else send(res, 200, completion);
      }, latencyMs);
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
