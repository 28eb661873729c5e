import { sendJson, startServer, type FakeServer } from "./http";

/** An OpenAI-compatible chat-completions server. Built out by the jobs issue (#4). */
export function startFakeLlm(): Promise<FakeServer> {
  return startServer((req, _body, res) => {
    if (req.method === "POST" && req.url === "/v1/chat/completions") {
      return sendJson(res, 200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: "fake",
        choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "{}" } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
    }
    sendJson(res, 404, { error: { message: "not found" } });
  });
}
