import { describe, expect, it } from "vitest";
import { app } from "../../../worker/app";
import { API_SCOPES, type ApiScope } from "../../../worker/types";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import { OWNED_RESOURCES, type OwnedKind } from "./owned-resources";
import { ROUTE_RULES, type RouteRule } from "./route-rules";

/**
 * The per-route security suite: every route the app serves (read from Hono's `app.routes`, so a
 * route outside the OpenAPI document counts too) is checked against its rule in route-rules.ts:
 * 401 without a token, 403 for an API key without the route's scope (or any key, for session-only
 * routes; a non-admin, for admin ones), 404 for another user's resource.
 */
const served = [
  ...new Set(
    app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`),
  ),
].sort();

const rules = Object.entries(ROUTE_RULES);
const protectedRoutes = rules.filter(([, rule]) => !("public" in rule));
const where = "test/api/security/route-rules.ts";

/** A path with its `{id}` filled in (any other parameter, like a row number, is 1). */
const pathOf = (key: string, id = "id_unknown") =>
  key
    .slice(key.indexOf(" ") + 1)
    .replace(/\{id\}/g, id)
    .replace(/\{\w+\}/g, "1");
const methodOf = (key: string) => key.slice(0, key.indexOf(" "));

async function apiKey(user: TestUser, scopes: readonly ApiScope[]): Promise<string> {
  const response = await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "suite", scopes } });
  expect(response.status).toBe(201);
  return (await json(response)).key;
}

describe("every route has a security rule", () => {
  it("the app serves no route the suite does not know", () => {
    const unknown = served.filter((key) => !(key in ROUTE_RULES));
    expect(unknown, `Add a rule for each of these routes to ${where} (one line each, see its header)`).toEqual([]);
  });

  it("the suite knows no route the app does not serve", () => {
    const stale = rules.map(([key]) => key).filter((key) => !served.includes(key));
    expect(stale, `These rules in ${where} name routes the app no longer serves: remove or rename them`).toEqual([]);
  });
});

describe("401 without credentials, on every protected route", () => {
  it.each(protectedRoutes.map(([key]) => key))("%s", async (key) => {
    await expectError(await call(methodOf(key), pathOf(key), { headers: ROUTE_RULES[key]!.headers }), 401, "unauthorized");
  });
});

describe("403 for credentials the route does not take", () => {
  const scoped = protectedRoutes.filter(([, rule]) => "scope" in rule || "session" in rule || "admin" in rule);
  it.each(scoped.map(([key]) => key))("%s", async (key) => {
    const rule = ROUTE_RULES[key]!;
    const user = await signup();
    let token = user.accessToken; // admin routes: a signed-in user who is not an admin
    if ("scope" in rule) token = await apiKey(user, API_SCOPES.filter((scope) => scope !== rule.scope));
    if ("session" in rule) token = await apiKey(user, API_SCOPES);
    await expectError(await call(methodOf(key), pathOf(key), { token, headers: rule.headers }), 403, "forbidden");
  });
});

describe("404 for another user's resource, on every route with an id", () => {
  const owned = protectedRoutes.filter((entry): entry is [string, RouteRule & { owned: OwnedKind }] => entry[1].owned !== undefined);
  it("every route whose path has an {id} says whose it is (or is admin-only)", () => {
    const missing = protectedRoutes.filter(([key, rule]) => key.includes("{id}") && !rule.owned && !("admin" in rule)).map(([key]) => key);
    expect(missing, `Give these routes an \`owned\` kind in ${where} (factories: owned-resources.ts)`).toEqual([]);
  });

  it.each(owned.map(([key, rule]) => [key, rule.owned] as const))("%s (%s)", async (key, kind) => {
    const [owner, stranger] = await Promise.all([signup(), signup()]);
    const id = await OWNED_RESOURCES[kind](owner);
    const rule = ROUTE_RULES[key]!;
    const response = await call(methodOf(key), pathOf(key, id), { token: stranger.accessToken, body: rule.body, headers: rule.headers });
    const error = await expectError(response, 404, "not_found");
    expect(JSON.stringify(error)).not.toContain(owner.id);
  });
});
