import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, uniqueIp } from "../../helpers";

const secret = new TextEncoder().encode(env.JWT_SECRET);
const sign = (claims: { sub: string; iss?: string; aud?: string; exp?: number }) =>
  new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? "openline")
    .setAudience(claims.aud ?? "openline-api")
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(secret);

const b64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

describe("access tokens", () => {
  it("accepts a token we signed (the control for the cases below)", async () => {
    const user = await signup();
    expect((await call("GET", "/v1/me", { token: await sign({ sub: user.id }) })).status).toBe(200);
  });

  it.each([
    ["expired", (id: string) => sign({ sub: id, exp: Math.floor(Date.now() / 1000) - 5 })],
    ["wrong audience", (id: string) => sign({ sub: id, aud: "someone-else" })],
    ["wrong issuer", (id: string) => sign({ sub: id, iss: "evil" })],
    ["alg none", async (id: string) => `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ sub: id, iss: "openline", aud: "openline-api", exp: Math.floor(Date.now() / 1000) + 600 })}.`],
    [
      "tampered payload",
      async (id: string) => {
        const [header, , signature] = (await sign({ sub: id })).split(".");
        return `${header}.${b64url({ sub: "usr_someone_else", iss: "openline", aud: "openline-api", exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
      },
    ],
    ["signed with another secret", async (id: string) =>
      new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject(id).setIssuer("openline").setAudience("openline-api").setExpirationTime("10m").sign(new TextEncoder().encode("x".repeat(40)))],
    ["garbage", async () => "not.a.token"],
  ])("rejects a %s token with 401", async (_label, make) => {
    const user = await signup();
    await expectError(await call("GET", "/v1/me", { token: await make(user.id) }), 401, "unauthorized");
  });

  it("rejects a missing or malformed Authorization header with 401", async () => {
    await expectError(await call("GET", "/v1/me"), 401, "unauthorized");
    await expectError(await call("GET", "/v1/me", { headers: { Authorization: "Basic abc" } }), 401, "unauthorized");
  });
});

describe("refresh tokens — the whole lifecycle", () => {
  const refresh = (refreshToken: string) => call("POST", "/v1/auth/refresh", { body: { refreshToken }, ip: uniqueIp() });

  it("rotates: the new pair works, the old refresh token is dead, and reusing it revokes the family", async () => {
    const user = await signup();
    const first = await refresh(user.refreshToken);
    expect(first.status).toBe(200);
    const pair = await json(first);
    expect(pair.user.id).toBe(user.id);
    expect((await call("GET", "/v1/me", { token: pair.accessToken })).status).toBe(200);

    // Reuse of the rotated token: 401, and the family (including the newest token) is revoked.
    await expectError(await refresh(user.refreshToken), 401, "unauthorized");
    await expectError(await refresh(pair.refreshToken), 401, "unauthorized");
  });

  it("lets exactly one of two concurrent refreshes with the same token win", async () => {
    const user = await signup();
    const results = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)]);
    expect(results.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it("logout kills the session's refresh tokens; other sessions live on", async () => {
    const user = await signup();
    const other = await json(await call("POST", "/v1/auth/login", { body: { email: user.email, password: "correct horse battery staple" }, ip: uniqueIp() }));
    const logout = await call("POST", "/v1/auth/logout", { body: { refreshToken: user.refreshToken } });
    expect(logout.status).toBe(204);
    await expectError(await refresh(user.refreshToken), 401, "unauthorized");
    expect((await refresh(other.refreshToken)).status).toBe(200);
    // Logging out twice, or with an unknown token, is harmless.
    expect((await call("POST", "/v1/auth/logout", { body: { refreshToken: user.refreshToken } })).status).toBe(204);
    expect((await call("POST", "/v1/auth/logout", { body: { refreshToken: "ort_unknown" } })).status).toBe(204);
  });

  it("rejects an unknown refresh token and a bad body", async () => {
    await expectError(await refresh("ort_never_issued"), 401, "unauthorized");
    await expectError(await call("POST", "/v1/auth/refresh", { body: {}, ip: uniqueIp() }), 400, "invalid_request");
  });
});
