#!/usr/bin/env node
/**
 * `npm run gen:api`: writes the API's OpenAPI document and the web app's types generated from it.
 *
 * 1. starts the API Worker in workerd (wrangler's startWorker, no state kept) and reads /openapi.json,
 * 2. writes it to web/app/lib/openapi.gen.json (integrators can read it there too),
 * 3. writes web/app/lib/api-types.gen.ts from it with openapi-typescript (tools/api-typegen).
 * npm test fails when either file is stale (test/api/operations/openapi-document.test.ts,
 * test/web/api-types.test.ts) and names this command.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { unstable_startWorker } from "wrangler";
import { generateApiTypes } from "openline-api-typegen";

const OPENAPI_SNAPSHOT = "web/app/lib/openapi.gen.json";
const API_TYPES = "web/app/lib/api-types.gen.ts";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.WRANGLER_SEND_METRICS = "false";

if (!existsSync(path.join(root, "worker/uploads/wasm/record-scan.wasm"))) {
  const built = spawnSync(process.execPath, [path.join(root, "scripts/build-wasm.mjs")], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const worker = await unstable_startWorker({
  config: path.join(root, "wrangler.toml"),
  // Only what the Worker checks at start-up; the document needs no secrets or state.
  bindings: {
    JWT_SECRET: { type: "plain_text", value: "gen-api-only-secret-of-at-least-32-characters" },
    LOG_LEVEL: { type: "plain_text", value: "error" },
  },
  dev: { server: { port: 0 }, inspector: false, persist: false, watch: false, logLevel: "error" },
});
try {
  const response = await worker.fetch("http://localhost/openapi.json");
  if (!response.ok) throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`);
  const document = await response.json();
  writeFileSync(path.join(root, OPENAPI_SNAPSHOT), `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(path.join(root, API_TYPES), await generateApiTypes(document));
  console.log(`wrote ${OPENAPI_SNAPSHOT} (${Object.keys(document.paths).length} paths) and ${API_TYPES}`);
} finally {
  await worker.dispose();
}
