// The Node side of a workerd benchmark: a local HTTP server the code running in workerd POSTs its
// figures to (`POST /results/<name>` with a JSON body), and the vitest run that hosts that code.
import { spawn } from "node:child_process";
import { createServer } from "node:http";

/** Starts the results server; `results[name]` holds each posted figure set. */
export async function startResultsServer() {
  const results = {};
  const server = createServer((request, response) => {
    const name = new URL(request.url, "http://localhost").pathname.replace(/^\/results\//, "");
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      results[name] = JSON.parse(body);
      response.end("{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { results, url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Runs `vitest run --config <config>` with BENCH_URL pointing at the results server; resolves to its exit code. */
export async function runWorkerdBench(config, url) {
  const child = spawn("npx", ["vitest", "run", "--config", config, "--reporter", "dot"], {
    env: { ...process.env, BENCH_URL: url, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", resolve));
}
