import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApiTypes } from "openline-api-typegen";

const root = path.resolve(import.meta.dirname, "../..");
const SNAPSHOT = "web/app/lib/openapi.gen.json";
const TYPES = "web/app/lib/api-types.gen.ts";

/**
 * The committed document is the served one (test/api/operations/openapi-document.test.ts checks that
 * inside workerd); here, in Node, the tools run over it: Redocly's recommended rules and the type
 * generation whose output the web app compiles against.
 */
describe("the committed OpenAPI document", () => {
  it("passes redocly lint with the recommended rules (redocly.yaml)", () => {
    const lint = spawnSync(path.join(root, "node_modules/.bin/redocly"), ["lint", SNAPSHOT, "--format=stylish"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      timeout: 60_000,
    });
    const report = `${lint.stdout}\n${lint.stderr}`;
    expect(lint.status, `redocly lint ${SNAPSHOT} failed:\n${report}\nFix the route definitions under worker/routes/, then run \`npm run gen:api\`.`).toBe(0);
    expect(report).not.toMatch(/\bwarning\b/);
  });

  it("gives a typed client that compiles against it and refuses calls it does not have (tools/api-typegen/client-check.ts)", () => {
    const tsc = spawnSync(path.join(root, "node_modules/.bin/tsc"), ["-p", "tools/api-typegen/tsconfig.check.json"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(tsc.status, `tsc -p tools/api-typegen/tsconfig.check.json:\n${tsc.stdout}${tsc.stderr}`).toBe(0);
  });

  it("generates exactly the committed web/app/lib/api-types.gen.ts", async () => {
    const document = JSON.parse(readFileSync(path.join(root, SNAPSHOT), "utf8"));
    const generated = await generateApiTypes(document);
    const fresh = generated === readFileSync(path.join(root, TYPES), "utf8");
    expect(fresh, `${TYPES} is stale: run \`npm run gen:api\` and commit it.`).toBe(true);
  });
});
