import { describe, expect, it } from "vitest";
import { emailsTo, linkIn, waitForEmail } from "../../email";
import { call, expectError, json, PASSWORD, signup, uniqueEmail, uniqueIp, verifyEmail } from "../../helpers";

const NEW_PASSWORD = "a brand new long password";
const login = (email: string, password: string) => call("POST", "/v1/auth/login", { body: { email, password }, ip: uniqueIp() });
const me = async (token: string) => json(await call("GET", "/v1/me", { token }));

describe("POST /v1/account/password", () => {
  it("changes the password with the current one and revokes every session's refresh token", async () => {
    const user = await signup();
    const other = await json(await login(user.email, PASSWORD));
    const response = await call("POST", "/v1/account/password", { token: user.accessToken, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(response.status).toBe(204);
    for (const refreshToken of [user.refreshToken, other.refreshToken]) {
      await expectError(await call("POST", "/v1/auth/refresh", { body: { refreshToken }, ip: uniqueIp() }), 401, "unauthorized");
    }
    await expectError(await login(user.email, PASSWORD), 401, "invalid_credentials");
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("answers 401 invalid_credentials for a wrong current password and changes nothing", async () => {
    const user = await signup();
    await expectError(await call("POST", "/v1/account/password", { token: user.accessToken, body: { currentPassword: "wrong password!", newPassword: NEW_PASSWORD } }), 401, "invalid_credentials");
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    expect((await call("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken }, ip: uniqueIp() })).status).toBe(200);
  });

  it.each([
    ["a short new password", { currentPassword: PASSWORD, newPassword: "short" }],
    ["a missing current password", { newPassword: NEW_PASSWORD }],
    ["an extra field", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, email: "x@y.co" }],
  ])("answers 400 for %s", async (_label, body) => {
    const user = await signup({ verified: false });
    await expectError(await call("POST", "/v1/account/password", { token: user.accessToken, body }), 400, "invalid_request");
  });

  it("needs a signed-in session: 401 without one, 403 with an API key", async () => {
    const user = await signup({ verified: false });
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "k" } }));
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    await expectError(await call("POST", "/v1/account/password", { body }), 401, "unauthorized");
    await expectError(await call("POST", "/v1/account/password", { token: key.key, body }), 403, "forbidden");
  });
});

describe("POST /v1/account/email", () => {
  it("mails a link to the new address and a notice to the old one, and switches only when the link is followed", async () => {
    const user = await signup();
    const newAddress = uniqueEmail("new");
    const response = await call("POST", "/v1/account/email", { token: user.accessToken, body: { email: newAddress, password: PASSWORD } });
    expect(response.status).toBe(202);

    const link = await waitForEmail(newAddress, /Confirm your email/);
    expect(link.to).toEqual([newAddress]);
    expect(linkIn(link, "/verify-email").searchParams.get("token")).toMatch(/^ovt_/);
    const notice = await waitForEmail(user.email, /about to change/);
    expect(notice.subject).toBe("Your Openline address is about to change");
    expect(notice.text).toContain(newAddress);
    expect(linkIn(notice, "/account/settings").pathname).toBe("/account/settings");
    expect(await me(user.accessToken)).toMatchObject({ email: user.email });

    await verifyEmail(newAddress);
    expect(await me(user.accessToken)).toMatchObject({ email: newAddress, emailVerified: true, credits: { balance: 500 } });
    expect((await login(newAddress, PASSWORD)).status).toBe(200);
    await expectError(await login(user.email, PASSWORD), 401, "invalid_credentials");
  });

  it("answers 409 for an address another account has, 400 for the same address, 401 for a wrong password", async () => {
    const user = await signup();
    const other = await signup({ verified: false });
    const change = (body: unknown) => call("POST", "/v1/account/email", { token: user.accessToken, body });
    await expectError(await change({ email: other.email, password: PASSWORD }), 409, "conflict");
    await expectError(await change({ email: user.email, password: PASSWORD }), 400, "invalid_request");
    await expectError(await change({ email: uniqueEmail("x"), password: "wrong password!" }), 401, "invalid_credentials");
    await expectError(await change({ email: "not-an-email", password: PASSWORD }), 400, "invalid_request");
    expect((await emailsTo(user.email)).filter((email) => /about to change/.test(email.subject))).toEqual([]);
  });

  it("refuses the switch with 409 when another account took the address after the link was sent", async () => {
    const user = await signup();
    const wanted = uniqueEmail("wanted");
    await call("POST", "/v1/account/email", { token: user.accessToken, body: { email: wanted, password: PASSWORD } });
    const link = await waitForEmail(wanted, /Confirm your email/);
    await signup({ email: wanted, verified: false });
    const token = linkIn(link, "/verify-email").searchParams.get("token")!;
    await expectError(await call("POST", "/v1/auth/verify-email", { body: { token }, ip: uniqueIp() }), 409, "conflict");
    expect(await me(user.accessToken)).toMatchObject({ email: user.email });
  });
});

describe("PATCH /v1/me", () => {
  it("changes the name and answers the user", async () => {
    const user = await signup({ verified: false, name: "Ann" });
    const response = await call("PATCH", "/v1/me", { token: user.accessToken, body: { name: "  Ann Lee " } });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: user.id, name: "Ann Lee" });
    expect(await me(user.accessToken)).toMatchObject({ name: "Ann Lee" });
    expect(await json(await call("PATCH", "/v1/me", { token: user.accessToken, body: { name: null } }))).toMatchObject({ name: null });
  });

  it.each([
    ["an empty name", { name: "  " }],
    ["a 101-character name", { name: "n".repeat(101) }],
    ["an email change through it", { name: "Ann", email: "x@y.co" }],
    ["no name at all", {}],
  ])("answers 400 for %s", async (_label, body) => {
    const user = await signup({ verified: false });
    await expectError(await call("PATCH", "/v1/me", { token: user.accessToken, body }), 400, "invalid_request");
  });
});
