#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs in name order, each in its own Node process.
// Pass names to run only some: `npm run bench -- uploads`.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".bench.mjs"))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

if (scripts.length === 0) {
  console.error(`No bench/*.bench.mjs${only.length ? ` matching ${only.join(", ")}` : ""}.`);
  process.exit(1);
}

const failed = [];
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const result = spawnSync(process.execPath, [join(here, script)], { stdio: "inherit", cwd: join(here, "..") });
  if (result.status !== 0) failed.push(script);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
