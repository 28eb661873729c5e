import { describe, expect, it } from "vitest";
import { call, expectError, json, PASSWORD, signup, uniqueEmail, uniqueIp } from "../../helpers";

describe("POST /v1/auth/login — happy", () => {
  it("returns a fresh session for the right password, whatever the email's case", async () => {
    const user = await signup();
    const response = await call("POST", "/v1/auth/login", {
      body: { email: user.email.toUpperCase(), password: PASSWORD },
      ip: uniqueIp(),
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.user.id).toBe(user.id);
    expect(body.refreshToken).not.toBe(user.refreshToken);
    expect((await call("GET", "/v1/me", { token: body.accessToken })).status).toBe(200);
  });
});

describe("POST /v1/auth/login — errors", () => {
  it("answers 401 invalid_credentials for a wrong password and for an unknown email alike", async () => {
    const user = await signup();
    const wrong = await call("POST", "/v1/auth/login", { body: { email: user.email, password: "wrong password!" }, ip: uniqueIp() });
    const unknown = await call("POST", "/v1/auth/login", { body: { email: uniqueEmail(), password: PASSWORD }, ip: uniqueIp() });
    const a = await expectError(wrong, 401, "invalid_credentials");
    const b = await expectError(unknown, 401, "invalid_credentials");
    expect(a.message).toBe(b.message);
  });

  it("rejects a body that is not the contract's with 400", async () => {
    await expectError(await call("POST", "/v1/auth/login", { body: { email: "a@b.co" }, ip: uniqueIp() }), 400, "invalid_request");
    await expectError(
      await call("POST", "/v1/auth/login", { body: { email: "a@b.co", password: "x".repeat(300) }, ip: uniqueIp() }),
      400,
      "invalid_request",
    );
  });
});

describe("POST /v1/auth/login — security", () => {
  it("rate-limits per IP", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      statuses.push((await call("POST", "/v1/auth/login", { body: { email: uniqueEmail(), password: PASSWORD }, ip })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
