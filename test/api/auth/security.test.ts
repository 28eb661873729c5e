import { describe, expect, it } from "vitest";
import { call, expectError, PASSWORD, signup, uniqueIp } from "../../helpers";

const login = (email: string, password: string, ip: string) => call("POST", "/v1/auth/login", { body: { email, password }, ip });

describe("login limits count failures per address and IP (audit item 8)", () => {
  it("ten wrong guesses from one IP block that IP for the address, not the owner elsewhere", async () => {
    const user = await signup();
    const attacker = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login(user.email, `guess number ${i}`, attacker)).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    const limited = await login(user.email, PASSWORD, attacker);
    await expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(statuses[10]).toBe(429);
    // The owner, from their own network, still gets in.
    expect((await login(user.email, PASSWORD, uniqueIp())).status).toBe(200);
  });

  it("successful logins are not counted against the address", async () => {
    const user = await signup();
    const ip = uniqueIp();
    for (let i = 0; i < 12; i++) expect((await login(user.email, PASSWORD, ip)).status).toBe(200);
  });
});
