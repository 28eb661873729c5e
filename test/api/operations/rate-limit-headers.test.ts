import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../../worker/routes/auth/login";
import { call, expectError, signup, uniqueIp } from "../../helpers";

/** `"name";q=…;w=…` / `"name";r=…;t=…` list members by policy name. */
function members(header: string | null): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const member of (header ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [name, ...params] = member.split(";");
    out[JSON.parse(name!)] = Object.fromEntries(params.map((param) => param.split("=")).map(([key, value]) => [key!, Number(value)]));
  }
  return out;
}

describe("RateLimit headers (IETF draft) on rate-limited routes", () => {
  it("tell every answer its quota, what is left and when the window resets, and a 429 adds Retry-After", async () => {
    const user = await signup();
    const ip = uniqueIp();
    const { perIp, failuresPerEmailAndIp: perEmail } = LOGIN_LIMITS;
    const first = await call("POST", "/v1/auth/login", { body: { email: user.email, password: "wrong guess 0" }, ip });
    await expectError(first, 401, "invalid_credentials");
    expect(members(first.headers.get("RateLimit-Policy"))).toEqual({
      [perIp.name]: { q: perIp.limit, w: perIp.windowSeconds },
      [perEmail.name]: { q: perEmail.limit, w: perEmail.windowSeconds },
    });
    const state = members(first.headers.get("RateLimit"));
    expect(state[perEmail.name]!.r).toBe(perEmail.limit - 1);
    expect(state[perIp.name]!.r).toBe(perIp.limit - 1);
    expect(state[perEmail.name]!.t).toBeGreaterThan(0);
    expect(state[perEmail.name]!.t).toBeLessThanOrEqual(perEmail.windowSeconds);

    let last = first;
    for (let i = 1; i <= perEmail.limit; i++) last = await call("POST", "/v1/auth/login", { body: { email: user.email, password: `wrong guess ${i}` }, ip });
    await expectError(last, 429, "rate_limited");
    const limited = members(last.headers.get("RateLimit"));
    expect(limited[perEmail.name]!.r).toBe(0);
    expect(limited[perIp.name]!.r).toBe(perIp.limit - perEmail.limit - 1);
    expect(Number(last.headers.get("Retry-After"))).toBe(limited[perEmail.name]!.t);
  });

  it("are not sent by routes without a limit", async () => {
    const user = await signup();
    const response = await call("GET", "/v1/me", { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit")).toBeNull();
    expect(response.headers.get("RateLimit-Policy")).toBeNull();
  });
});
