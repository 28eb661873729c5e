import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";

describe("GET /health", () => {
  it("checks D1, R2 and the queue", async () => {
    const response = await call("GET", "/health");
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: "ok", checks: { db: "ok", storage: "ok", queue: "ok" } });
  });
});

describe("OpenAPI and docs", () => {
  it("publishes an OpenAPI 3.1 document generated from the routes", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/v1/auth/signup", "/v1/auth/login", "/v1/auth/refresh", "/v1/me", "/v1/api-keys", "/v1/api-keys/{id}", "/v1/credits"]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("renders /docs as a page that reads the document", async () => {
    const response = await call("GET", "/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(await response.text()).toContain("/openapi.json");
  });
});

describe("cross-cutting", () => {
  it("answers unknown routes with the contract's 404", async () => {
    await expectError(await call("GET", "/v1/nothing-here"), 404, "not_found");
  });

  it("keeps a well-formed incoming request id and replaces a bad one", async () => {
    const kept = await call("GET", "/health", { headers: { "X-Request-Id": "abc12345-trace" } });
    expect(kept.headers.get("X-Request-Id")).toBe("abc12345-trace");
    const replaced = await call("GET", "/health", { headers: { "X-Request-Id": "<script>" } });
    expect(replaced.headers.get("X-Request-Id")).toMatch(/^req_/);
  });

  it("rejects an Idempotency-Key that is not printable ASCII", async () => {
    const user = await signup();
    const response = await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "k" }, headers: { "Idempotency-Key": "x".repeat(300) } });
    await expectError(response, 400, "invalid_request");
  });
});

describe("browser sessions (cookies)", () => {
  const cookieHeaders = (access: string, csrf?: string, header?: string) => ({
    Cookie: `__Host-ol_access=${access}${csrf ? `; __Host-ol_csrf=${csrf}` : ""}`,
    ...(header ? { "X-CSRF-Token": header } : {}),
  });

  it("authenticates reads with the access-token cookie", async () => {
    const user = await signup();
    const response = await call("GET", "/v1/me", { headers: cookieHeaders(user.accessToken) });
    expect(response.status).toBe(200);
  });

  it("requires the CSRF double-submit header on cookie-authenticated writes", async () => {
    const user = await signup();
    const body = { name: "from the browser" };
    await expectError(await call("POST", "/v1/api-keys", { body, headers: cookieHeaders(user.accessToken, "tok") }), 403, "forbidden");
    await expectError(await call("POST", "/v1/api-keys", { body, headers: cookieHeaders(user.accessToken, "tok", "other") }), 403, "forbidden");
    const ok = await call("POST", "/v1/api-keys", { body, headers: cookieHeaders(user.accessToken, "tok", "tok") });
    expect(ok.status).toBe(201);
  });
});
