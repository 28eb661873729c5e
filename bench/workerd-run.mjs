// Runs one benchmark's workerd part (`vitest run --config <config>`) and collects what it reports:
// the workerd side POSTs each figure set to BENCH_URL/results/<name> (bench/workerd-report.ts), this
// side serves that URL on loopback while the run lasts.
import { spawn } from "node:child_process";
import { createServer } from "node:http";

export async function runInWorkerd(config, env = {}) {
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
  const child = spawn("npx", ["vitest", "run", "--config", config, "--reporter", "dot"], {
    env: { ...process.env, ...env, BENCH_URL: `http://127.0.0.1:${server.address().port}`, CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise((resolve) => child.on("exit", resolve));
  server.close();
  return { code, results };
}
