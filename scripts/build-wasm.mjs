#!/usr/bin/env node
/**
 * `npm run build:wasm`: compiles the AssemblyScript record scanner (worker/uploads/wasm/record-scan.ts)
 * to worker/uploads/wasm/record-scan.wasm, which the API Worker imports as a compiled module.
 * `npm start` (scripts/start.mjs), `npm test` and `npm run bench` run it first; it takes about a second.
 */
import asc from "assemblyscript/asc";
import path from "node:path";
import { fileURLToPath } from "node:url";

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../worker/uploads/wasm");

const { error, stderr } = await asc.main(
  [
    path.join(folder, "record-scan.ts"),
    "--outFile", path.join(folder, "record-scan.wasm"),
    // No garbage collector (nothing is allocated), no `abort` import, no runtime checks: the Worker
    // instantiates it with no imports at all.
    "--runtime", "stub",
    "--use", "abort=",
    "--noAssert",
    "--optimizeLevel", "3",
    "--shrinkLevel", "0",
    "--enable", "simd",
  ],
  { stdout: process.stdout, stderr: process.stderr },
);
if (error) {
  console.error(`build-wasm: ${error.message}\n${stderr.toString()}`);
  process.exit(1);
}
