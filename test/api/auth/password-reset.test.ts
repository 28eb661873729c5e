import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emailsTo, linkIn, slowEmailsTo, tokenIn, waitForEmail } from "../../email";
import { call, expectError, json, PASSWORD, signup, uniqueEmail, uniqueIp } from "../../helpers";

const NEW_PASSWORD = "a brand new long password";
const requestReset = (email: string, ip = uniqueIp()) => call("POST", "/v1/auth/password-reset", { body: { email }, ip });
const confirm = (token: string, password = NEW_PASSWORD) => call("POST", "/v1/auth/password-reset/confirm", { body: { token, password }, ip: uniqueIp() });
const login = (email: string, password: string) => call("POST", "/v1/auth/login", { body: { email, password }, ip: uniqueIp() });
const resetToken = async (address: string, nth = 1) => tokenIn(await waitForEmail(address, /Reset your Openline password/, nth), "/reset-password");

describe("POST /v1/auth/password-reset → confirm — happy", () => {
  it("mails a reset link; confirming sets the password, revokes every refresh token and answers 204", async () => {
    const user = await signup();
    const otherSession = await json(await login(user.email, PASSWORD));
    const response = await requestReset(user.email.toUpperCase());
    expect(response.status).toBe(202);
    const email = await waitForEmail(user.email, /Reset your Openline password/);
    expect(email.to).toEqual([user.email]);
    expect(email.subject).toBe("Reset your Openline password");
    const link = linkIn(email, "/reset-password");
    expect(link.origin).toBe("http://localhost:8787");

    expect((await confirm(link.searchParams.get("token")!)).status).toBe(204);
    await expectError(await login(user.email, PASSWORD), 401, "invalid_credentials");
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    for (const refreshToken of [user.refreshToken, otherSession.refreshToken]) {
      await expectError(await call("POST", "/v1/auth/refresh", { body: { refreshToken }, ip: uniqueIp() }), 401, "unauthorized");
    }
  });
});

describe("password reset — tokens", () => {
  it("is single use, and an earlier link dies with the reset", async () => {
    const user = await signup();
    await requestReset(user.email);
    await requestReset(user.email);
    const first = await resetToken(user.email, 1);
    const second = await resetToken(user.email, 2);
    expect((await confirm(second)).status).toBe(204);
    await expectError(await confirm(second, "yet another long password"), 400, "invalid_request");
    await expectError(await confirm(first, "yet another long password"), 400, "invalid_request");
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("expires after 1 hour", async () => {
    const user = await signup();
    await requestReset(user.email);
    const token = await resetToken(user.email);
    const stored = await env.DB.prepare("SELECT expires_at, created_at FROM account_tokens WHERE user_id = ? AND purpose = 'password_reset'").bind(user.id).first<{ expires_at: string; created_at: string }>();
    expect(Date.parse(stored!.expires_at) - Date.parse(stored!.created_at)).toBeLessThanOrEqual(3600_000 + 1000);
    await env.DB.prepare("UPDATE account_tokens SET expires_at = ? WHERE user_id = ? AND purpose = 'password_reset'").bind(new Date(Date.now() - 1).toISOString(), user.id).run();
    await expectError(await confirm(token), 400, "invalid_request");
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it("changes only its own user's password and is no verification token", async () => {
    const ann = await signup();
    const bob = await signup();
    await requestReset(ann.email);
    const token = await resetToken(ann.email);
    await expectError(await call("POST", "/v1/auth/verify-email", { body: { token }, ip: uniqueIp() }), 400, "invalid_request");
    expect((await call("POST", "/v1/auth/password-reset/confirm", { body: { token, password: NEW_PASSWORD }, token: bob.accessToken, ip: uniqueIp() })).status).toBe(204);
    expect((await login(bob.email, PASSWORD)).status).toBe(200);
    expect((await login(ann.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses a short new password with 400 and leaves the link usable", async () => {
    const user = await signup();
    await requestReset(user.email);
    const token = await resetToken(user.email);
    const error = await expectError(await confirm(token, "short"), 400, "invalid_request");
    expect(Array.isArray(error.details.issues)).toBe(true);
    expect((await confirm(token)).status).toBe(204);
  });

  it.each([
    ["an unknown token", { token: "oprt_nope", password: NEW_PASSWORD }],
    ["a missing password", { token: "oprt_nope" }],
    ["an extra field", { token: "oprt_nope", password: NEW_PASSWORD, email: "a@b.co" }],
  ])("answers 400 invalid_request for %s", async (_label, body) => {
    await expectError(await call("POST", "/v1/auth/password-reset/confirm", { body, ip: uniqueIp() }), 400, "invalid_request");
  });
});

describe("password reset — no account enumeration", () => {
  it("answers the same to a known and an unknown address, and mails only the known one", async () => {
    const user = await signup();
    const unknown = uniqueEmail("nobody");
    const [known, missing] = [await requestReset(user.email), await requestReset(unknown)];
    expect(known.status).toBe(202);
    expect(missing.status).toBe(202);
    expect(await known.text()).toBe(await missing.text());
    const headerNames = (response: Response) => [...response.headers.keys()].filter((name) => name !== "x-request-id").sort();
    expect(headerNames(known)).toEqual(headerNames(missing));
    await waitForEmail(user.email, /Reset your Openline password/);
    expect(await emailsTo(unknown)).toEqual([]);
  });

  it("answers a known address without waiting for the email, however slow the email service is", async () => {
    const user = await signup({ verified: false });
    await slowEmailsTo(user.email, 3000);
    const started = performance.now();
    expect((await requestReset(user.email)).status).toBe(202);
    // A send inside the request would take the 3 s the service needs for every known address.
    expect(performance.now() - started).toBeLessThan(1500);
    await waitForEmail(user.email, /Reset your Openline password/, 1, 15_000);
  });

  it("takes about as long for a known address as for an unknown one", async () => {
    const users = await Promise.all(Array.from({ length: 11 }, () => signup({ verified: false })));
    const timed = async (email: string) => {
      const started = performance.now();
      expect((await requestReset(email)).status).toBe(202);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so load on the machine hits both alike.
    for (const user of users) {
      known.push(await timed(user.email));
      unknown.push(await timed(uniqueEmail("nobody")));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Sending the email inline (a D1 write plus the binding's round trip, on every known request) shows
    // up as a steady gap in the medians; the margin is wide because the machine is shared.
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u), `median known ${k.toFixed(1)} ms vs unknown ${u.toFixed(1)} ms`).toBeLessThan(Math.max(30, 0.75 * u));
  });
});

describe("password reset — rate limits", () => {
  it("limits requests per address (3 an hour, known or not) across IPs", async () => {
    for (const address of [(await signup()).email, uniqueEmail("nobody")]) {
      for (let i = 0; i < 3; i++) expect((await requestReset(address)).status).toBe(202);
      const limited = await requestReset(address);
      await expectError(limited, 429, "rate_limited");
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
  });

  it("limits requests per IP (10 an hour) across addresses", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) expect((await requestReset(uniqueEmail("spray"), ip)).status).toBe(202);
    await expectError(await requestReset(uniqueEmail("spray"), ip), 429, "rate_limited");
  });

  it("answers 400 for an address that is not one", async () => {
    await expectError(await requestReset("not-an-email"), 400, "invalid_request");
  });
});
