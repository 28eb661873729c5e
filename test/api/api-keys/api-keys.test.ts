import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";

async function createKey(token: string, body: object = { name: "CRM" }) {
  const response = await call("POST", "/v1/api-keys", { token, body });
  expect(response.status).toBe(201);
  return json(response);
}

describe("API keys — happy", () => {
  it("creates a key shown once, lists it without the secret, and it authenticates every /v1 call", async () => {
    const user = await signup();
    const created = await createKey(user.accessToken, { name: "HubSpot sync" });
    expect(created).toMatchObject({ name: "HubSpot sync", prefix: created.key.slice(0, 12) });
    expect(created.id).toMatch(/^key_/);
    expect(created.key).toMatch(/^olk_/);
    expect(created.scopes).toContain("jobs:write");

    const list = await json(await call("GET", "/v1/api-keys", { token: user.accessToken }));
    expect(list.data.map((key: { id: string }) => key.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain(created.key);

    const me = await call("GET", "/v1/me", { token: created.key });
    expect(me.status).toBe(200);
    expect((await json(me)).id).toBe(user.id);

    // The secret is stored only as a hash.
    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.id).first<Record<string, string>>();
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it("records lastUsedAt when a key is used", async () => {
    const user = await signup();
    const created = await createKey(user.accessToken);
    expect((await call("GET", "/v1/me", { token: created.key })).status).toBe(200);
    await expect
      .poll(async () => (await json(await call("GET", "/v1/api-keys", { token: user.accessToken }))).data[0].lastUsedAt)
      .not.toBeNull();
  });

  it("pages the list with limit and cursor", async () => {
    const user = await signup();
    for (const name of ["a", "b", "c"]) await createKey(user.accessToken, { name });
    const first = await json(await call("GET", "/v1/api-keys?limit=2", { token: user.accessToken }));
    expect(first.data.map((key: { name: string }) => key.name)).toEqual(["c", "b"]);
    const second = await json(await call("GET", `/v1/api-keys?limit=2&cursor=${first.nextCursor}`, { token: user.accessToken }));
    expect(second.data.map((key: { name: string }) => key.name)).toEqual(["a"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("API keys — errors", () => {
  it("rejects bad bodies and limits with 400", async () => {
    const user = await signup();
    await expectError(await call("POST", "/v1/api-keys", { token: user.accessToken, body: {} }), 400, "invalid_request");
    await expectError(
      await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "x", scopes: ["root"] } }),
      400,
      "invalid_request",
    );
    await expectError(await call("GET", "/v1/api-keys?limit=1000", { token: user.accessToken }), 400, "invalid_request");
  });
});

describe("API keys — security", () => {
  it("a revoked key stops working at once (401)", async () => {
    const user = await signup();
    const created = await createKey(user.accessToken);
    expect((await call("DELETE", `/v1/api-keys/${created.id}`, { token: user.accessToken })).status).toBe(204);
    await expectError(await call("GET", "/v1/me", { token: created.key }), 401, "unauthorized");
    await expectError(await call("DELETE", `/v1/api-keys/${created.id}`, { token: user.accessToken }), 404, "not_found");
  });

  it("another user's key id is 404 and the key keeps working", async () => {
    const owner = await signup();
    const other = await signup();
    const created = await createKey(owner.accessToken);
    await expectError(await call("DELETE", `/v1/api-keys/${created.id}`, { token: other.accessToken }), 404, "not_found");
    expect((await call("GET", "/v1/me", { token: created.key })).status).toBe(200);
    const list = await json(await call("GET", "/v1/api-keys", { token: other.accessToken }));
    expect(list.data).toEqual([]);
  });

  it("an API key cannot manage API keys, and a key without a scope is refused that scope", async () => {
    const user = await signup();
    const readOnly = await createKey(user.accessToken, { name: "read", scopes: ["jobs:read"] });
    await expectError(await call("POST", "/v1/api-keys", { token: readOnly.key, body: { name: "escalate" } }), 403, "forbidden");
    await expectError(await call("GET", "/v1/credits", { token: readOnly.key }), 403, "forbidden");
    const withCredits = await createKey(user.accessToken, { name: "credits", scopes: ["credits:read"] });
    expect((await call("GET", "/v1/credits", { token: withCredits.key })).status).toBe(200);
  });

  it("an unknown key is 401", async () => {
    await expectError(await call("GET", "/v1/me", { token: "olk_not_a_real_key" }), 401, "unauthorized");
  });
});
