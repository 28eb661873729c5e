import { describe, expect, it } from "vitest";
import committed from "../../../web/app/lib/openapi.gen.json";
import { call, json } from "../../helpers";

type Operation = {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const FIX = "Every route's createRoute({...}) under worker/routes/ needs these (see worker/routes/jobs/create.ts).";
const REGENERATE = "web/app/lib/openapi.gen.json (and api-types.gen.ts) are stale: run `npm run gen:api` and commit both files.";

async function servedDocument(): Promise<Document> {
  return json<Document>(await call("GET", "/openapi.json"));
}

function operations(document: Document) {
  return Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
}

/** The house rules for a route definition, as readable lines naming the operation and what it lacks. */
function houseRuleProblems(document: Document): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { name, op } of operations(document)) {
    if (!op.operationId) problems.push(`${name}: no operationId (camelCase, e.g. "listWebhookDeliveries")`);
    else if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId)) problems.push(`${name}: operationId "${op.operationId}" is not camelCase`);
    else if (seen.has(op.operationId)) problems.push(`${name}: operationId "${op.operationId}" is already used by ${seen.get(op.operationId)}`);
    if (op.operationId) seen.set(op.operationId, name);
    if (!op.summary) problems.push(`${name}: no summary`);
    if (!Array.isArray(op.security)) problems.push(`${name}: no explicit security (bearerSecurity, or [] for a public route)`);
    for (const [status, response] of Object.entries(op.responses)) {
      if (!status.startsWith("4")) continue;
      const ref = response.content?.["application/json"]?.schema?.$ref;
      if (ref !== "#/components/schemas/Error") problems.push(`${name}: answer ${status} is not the Error shape (use errorResponses(...))`);
    }
  }
  return problems;
}

describe("the OpenAPI document", () => {
  it("gives every operation an operationId, a summary, explicit security and error answers in the Error shape", async () => {
    const problems = houseRuleProblems(await servedDocument());
    expect(problems, `${FIX}\n${problems.join("\n")}`).toEqual([]);
  });

  it("finds a route that breaks the rules (the check itself can fail)", () => {
    const broken: Document = {
      paths: { "/v1/things": { get: { summary: "x", responses: { 404: { content: { "application/json": { schema: {} } } } } } } },
    };
    expect(houseRuleProblems(broken)).toEqual([
      'GET /v1/things: no operationId (camelCase, e.g. "listWebhookDeliveries")',
      "GET /v1/things: no explicit security (bearerSecurity, or [] for a public route)",
      "GET /v1/things: answer 404 is not the Error shape (use errorResponses(...))",
    ]);
  });

  it("is the committed copy the web app's types and the lint are generated from", async () => {
    const served = await servedDocument();
    const stalePaths = [...new Set([...Object.keys(served.paths), ...Object.keys(committed.paths)])].filter(
      (path) => JSON.stringify(served.paths[path]) !== JSON.stringify((committed.paths as Document["paths"])[path]),
    );
    expect(stalePaths, `${REGENERATE}\nChanged paths: ${stalePaths.join(", ")}`).toEqual([]);
    expect(JSON.stringify(served) === JSON.stringify(committed), REGENERATE).toBe(true);
  });
});
