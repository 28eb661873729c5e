import { describe, expect, it } from "vitest";
import { linkIn, waitForEmail } from "../../email";
import { call, expectError, json, signup, uniqueEmail, uniqueIp } from "../../helpers";

describe("POST /v1/auth/signup — happy", () => {
  it("creates a free, unverified account with a working session; the 500 credits wait for verification", async () => {
    const email = uniqueEmail("Ann");
    const response = await call("POST", "/v1/auth/signup", {
      body: { email: email.toUpperCase(), password: "a good long password", name: "Ann" },
      ip: uniqueIp(),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
    const body = await json(response);
    expect(body.user).toMatchObject({ email: email.toLowerCase(), name: "Ann", plan: "free", role: "user", emailVerified: false });
    expect(body.user.id).toMatch(/^usr_/);
    expect(body.expiresIn).toBe(900);

    const me = await json(await call("GET", "/v1/me", { token: body.accessToken }));
    expect(me).toMatchObject({ id: body.user.id, plan: "free", emailVerified: false, credits: { balance: 0, held: 0 } });

    const sent = await waitForEmail(email.toLowerCase(), /Confirm your email/);
    expect(sent.to).toEqual([email.toLowerCase()]);
    expect(sent.subject).toBe("Confirm your email address for Openline");
    expect(sent.from).toMatchObject({ email: "no-reply@openline.localhost", name: "Openline" });
    expect(linkIn(sent, "/verify-email").searchParams.get("token")).toMatch(/^ovt_/);
  });
});

describe("POST /v1/auth/signup — errors", () => {
  it.each([
    ["a missing password", { email: "x@example.com" }],
    ["a short password", { email: "x@example.com", password: "short" }],
    ["a 10 kB password", { email: "x@example.com", password: "p".repeat(10_000) }],
    ["an email that is not one", { email: "not-an-email", password: "long enough password" }],
    ["an extra field", { email: "x@example.com", password: "long enough password", role: "admin" }],
  ])("rejects %s with 400 invalid_request and zod issues", async (_label, body) => {
    const error = await expectError(await call("POST", "/v1/auth/signup", { body, ip: uniqueIp() }), 400, "invalid_request");
    expect(Array.isArray(error.details.issues)).toBe(true);
  });

  it("rejects malformed JSON with 400", async () => {
    const response = await call("POST", "/v1/auth/signup", {
      raw: "{not json",
      headers: { "Content-Type": "application/json" },
      ip: uniqueIp(),
    });
    await expectError(response, 400, "invalid_request");
  });

  it("answers 409 for a duplicate email, in any case", async () => {
    const user = await signup();
    const response = await call("POST", "/v1/auth/signup", {
      body: { email: user.email.toUpperCase(), password: "another long password" },
      ip: uniqueIp(),
    });
    await expectError(response, 409, "conflict");
  });
});

describe("POST /v1/auth/signup — security", () => {
  it("creates exactly one account from 50 concurrent signups with one email", async () => {
    const email = uniqueEmail("race");
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        call("POST", "/v1/auth/signup", { body: { email, password: "a good long password" }, ip: uniqueIp() }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    // Past the per-email limit the rest are 429, before it 409: never a 5xx, never a second account.
    expect(statuses.every((status) => status === 201 || status === 409 || status === 429)).toBe(true);
  });

  it("rate-limits signups per IP with 429 and Retry-After", async () => {
    const ip = uniqueIp();
    let limited: Response | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const response = await call("POST", "/v1/auth/signup", { body: { email: "bad" }, ip });
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    await expectError(limited!, 429, "rate_limited");
  });

  it("creates one account for the same Idempotency-Key and body; the replay names it without its tokens", async () => {
    const email = uniqueEmail();
    const ip = uniqueIp();
    const send = () =>
      call("POST", "/v1/auth/signup", {
        body: { email, password: "a good long password" },
        headers: { "Idempotency-Key": `signup-${email}` },
        ip,
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    // The answer held a session's tokens: only the account's id is kept (ADR 068).
    const replay = await expectError(second, 409, "conflict");
    expect(replay.details.resourceId).toBe((await json(first)).user.id);
  });
});
