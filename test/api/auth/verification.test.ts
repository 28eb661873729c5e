import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emailsTo, failEmailsTo, linkIn, tokenIn, waitForEmail } from "../../email";
import { call, expectError, json, PASSWORD, signup, uniqueEmail, uniqueIp, verifyEmail } from "../../helpers";
import { createScenario, createUploadFixture, jobBody, prospectRows } from "../jobs/fixtures";

const me = async (token: string) => json(await call("GET", "/v1/me", { token }));
const verify = (token: string) => call("POST", "/v1/auth/verify-email", { body: { token }, ip: uniqueIp() });
const verificationToken = async (address: string, nth = 1) => tokenIn(await waitForEmail(address, /Confirm your email/, nth), "/verify-email");

describe("POST /v1/auth/verify-email — happy", () => {
  it("verifies the address from the signup email's link and grants the 500 free credits once", async () => {
    const user = await signup({ verified: false });
    const email = await waitForEmail(user.email, /Confirm your email/);
    expect(email.to).toEqual([user.email]);
    const link = linkIn(email, "/verify-email");
    expect(link.origin).toBe("http://localhost:8787");
    expect(await me(user.accessToken)).toMatchObject({ emailVerified: false, credits: { balance: 0 } });

    const response = await verify(link.searchParams.get("token")!);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: user.id, email: user.email, emailVerified: true });
    expect(await me(user.accessToken)).toMatchObject({ emailVerified: true, credits: { balance: 500, held: 0 } });

    // A second link (resend) verifies nothing new and grants nothing again.
    await call("POST", "/v1/auth/resend-verification", { token: user.accessToken });
    const credits = await json(await call("GET", "/v1/credits", { token: user.accessToken }));
    expect(credits.ledger.data.filter((entry: { reason: string }) => entry.reason === "signup")).toHaveLength(1);
  });

  it("lets previews run before verification and answers 403 email_not_verified for a full run", async () => {
    const user = await signup({ verified: false });
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const scenario = await createScenario();
    const preview = await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario, { mode: "preview", previewRows: 2 }) });
    expect(preview.status).toBe(200);
    const error = await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) }), 403, "email_not_verified");
    expect(error.message).toMatch(/verif/i);

    await verifyEmail(user.email);
    expect((await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) })).status).toBe(202);
  });
});

describe("POST /v1/auth/verify-email — tokens", () => {
  it("is single use", async () => {
    const user = await signup({ verified: false });
    const token = await verificationToken(user.email);
    expect((await verify(token)).status).toBe(200);
    await expectError(await verify(token), 400, "invalid_request");
  });

  it("expires after 24 hours", async () => {
    const user = await signup({ verified: false });
    const token = await verificationToken(user.email);
    const stored = await env.DB.prepare("SELECT expires_at, created_at FROM account_tokens WHERE user_id = ? AND purpose = 'verify_email'").bind(user.id).first<{ expires_at: string; created_at: string }>();
    expect(Date.parse(stored!.expires_at) - Date.parse(stored!.created_at)).toBeGreaterThan(23.9 * 3600_000);
    expect(Date.parse(stored!.expires_at) - Date.parse(stored!.created_at)).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    await env.DB.prepare("UPDATE account_tokens SET expires_at = ? WHERE user_id = ?").bind(new Date(Date.now() - 1000).toISOString(), user.id).run();
    await expectError(await verify(token), 400, "invalid_request");
    expect(await me(user.accessToken)).toMatchObject({ emailVerified: false, credits: { balance: 0 } });
  });

  it("is stored hashed, never as sent", async () => {
    const user = await signup({ verified: false });
    const token = await verificationToken(user.email);
    const rows = await env.DB.prepare("SELECT token_hash FROM account_tokens WHERE user_id = ?").bind(user.id).all<{ token_hash: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows.results)).not.toContain(token.slice(4));
  });

  it("verifies only its own user, whoever presents it, and is no password-reset token", async () => {
    const ann = await signup({ verified: false });
    const bob = await signup({ verified: false });
    const annToken = await verificationToken(ann.email);
    await expectError(await call("POST", "/v1/auth/password-reset/confirm", { body: { token: annToken, password: "a brand new password" }, ip: uniqueIp() }), 400, "invalid_request");
    const response = await call("POST", "/v1/auth/verify-email", { body: { token: annToken }, token: bob.accessToken, ip: uniqueIp() });
    expect(await json(response)).toMatchObject({ id: ann.id, emailVerified: true });
    expect(await me(bob.accessToken)).toMatchObject({ emailVerified: false, credits: { balance: 0 } });
  });

  it.each([
    ["an unknown token", { token: "ovt_unknown" }],
    ["an empty token", { token: "" }],
    ["a missing token", {}],
    ["an extra field", { token: "ovt_x", email: "a@b.co" }],
  ])("answers 400 invalid_request for %s", async (_label, body) => {
    await expectError(await call("POST", "/v1/auth/verify-email", { body, ip: uniqueIp() }), 400, "invalid_request");
  });
});

describe("POST /v1/auth/resend-verification", () => {
  it("sends a new working link, up to 3 an hour, then 429", async () => {
    const user = await signup({ verified: false });
    const resend = () => call("POST", "/v1/auth/resend-verification", { token: user.accessToken });
    for (let i = 0; i < 3; i++) expect((await resend()).status).toBe(202);
    await expectError(await resend(), 429, "rate_limited");
    expect((await emailsTo(user.email)).filter((email) => /Confirm your email/.test(email.subject))).toHaveLength(4);
    expect((await verify(await verificationToken(user.email, 4))).status).toBe(200);
  });

  it("answers 409 for a verified address and 401 without a session", async () => {
    const user = await signup();
    await expectError(await call("POST", "/v1/auth/resend-verification", { token: user.accessToken }), 409, "conflict");
    await expectError(await call("POST", "/v1/auth/resend-verification"), 401, "unauthorized");
  });
});

describe("email delivery failures", () => {
  it("keeps the signup and delivers the verification email through the queue's retries", async () => {
    const address = uniqueEmail("flaky");
    await failEmailsTo(address, 2);
    const response = await call("POST", "/v1/auth/signup", { body: { email: address, password: PASSWORD }, ip: uniqueIp() });
    expect(response.status).toBe(201);
    const session = await json(response);
    expect(await me(session.accessToken)).toMatchObject({ email: address, emailVerified: false });
    // First send and first queued retry fail; the second retry gets through, with a working link.
    const email = await waitForEmail(address, /Confirm your email/, 1, 20_000);
    expect((await verify(tokenIn(email, "/verify-email"))).status).toBe(200);
  });
});
