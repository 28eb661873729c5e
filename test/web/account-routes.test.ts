import type { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import * as accountSettings from "../../web/app/routes/account.settings";
import * as forgotPassword from "../../web/app/routes/forgot-password";
import * as resetPassword from "../../web/app/routes/reset-password";
import * as unsubscribe from "../../web/app/routes/unsubscribe";
import * as verifyEmail from "../../web/app/routes/verify-email";
import { apiError, contextWith, dataOf, fakeApi, formRequest, json, ME, statusOf } from "./helpers";

const APP = "http://localhost:8787";
const call = async <T,>(fn: (args: never) => T, request: Request, context: RouterContextProvider) => {
  try {
    return await (fn as (args: unknown) => T)({ request, context, params: {} });
  } catch (thrown) {
    return thrown;
  }
};
const noContent = () => new Response(null, { status: 204 });

describe("account pages' actions", () => {
  it("verify-email posts the link's token anonymously and reports the answer", async () => {
    const api = fakeApi({ "POST /v1/auth/verify-email": json(200, { ...ME, emailVerified: true }) });
    const result = await call(verifyEmail.action, formRequest(`${APP}/verify-email`, { intent: "verify", token: "ovt_abc" }), contextWith(api));
    expect(result).toEqual({ intent: "verify", ok: true });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ token: "ovt_abc" });
    expect(api.calls[0]!.headers.get("Authorization")).toBeNull();
  });

  it("verify-email shows the API's reason for a used link with its status", async () => {
    const api = fakeApi({ "POST /v1/auth/verify-email": apiError(400, "invalid_request", "This verification link is invalid, expired or already used.") });
    const result = await call(verifyEmail.action, formRequest(`${APP}/verify-email`, { intent: "verify", token: "ovt_used" }), contextWith(api));
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toMatchObject({ ok: false, error: { message: /already used/ } });
  });

  it("forgot-password always reports the same 'check your inbox' for a 202", async () => {
    const api = fakeApi({ "POST /v1/auth/password-reset": () => new Response(null, { status: 202 }) });
    const result = await call(forgotPassword.action, formRequest(`${APP}/forgot-password`, { email: "ann@acme.test" }), contextWith(api));
    expect(result).toEqual({ intent: "reset", ok: true });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ email: "ann@acme.test" });
  });

  it("reset-password sends the token and new password, then goes to log in", async () => {
    const api = fakeApi({ "POST /v1/auth/password-reset/confirm": noContent });
    const result = (await call(resetPassword.action, formRequest(`${APP}/reset-password`, { token: "oprt_x", password: "a new long password" }), contextWith(api))) as Response;
    expect(result.headers.get("Location")).toBe("/login?reset=done");
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ token: "oprt_x", password: "a new long password" });
  });

  it("unsubscribe posts the signed token to the one-click endpoint without a session", async () => {
    const api = fakeApi({ "POST /v1/notifications/unsubscribe": json(200, { kind: "jobFinished", enabled: false }) });
    const result = await call(unsubscribe.action, formRequest(`${APP}/unsubscribe`, { token: "usr_1.jobFinished.sig" }), contextWith(api));
    expect(result).toEqual({ intent: "unsubscribe", ok: true });
    expect(api.calls[0]!.path).toBe("/v1/notifications/unsubscribe?token=usr_1.jobFinished.sig");
    expect(api.calls[0]!.headers.get("Authorization")).toBeNull();
  });
});

describe("settings: account forms", () => {
  it("changes the password, then logs in again with it so this browser stays signed in", async () => {
    const session = { user: ME, accessToken: "new-access", refreshToken: "new-refresh", expiresIn: 900 };
    const api = fakeApi({ "POST /v1/account/password": noContent, "POST /v1/auth/login": json(200, session) });
    const result = await call(
      accountSettings.action,
      formRequest(`${APP}/account/settings`, { intent: "password", currentPassword: "old password!", newPassword: "a new long password", confirmPassword: "a new long password" }),
      contextWith(api),
    );
    expect(dataOf(result)).toEqual({ intent: "password", ok: true });
    expect(JSON.parse(api.calls[1]!.body)).toEqual({ email: ME.email, password: "a new long password" });
    const cookies = (result as { init: ResponseInit }).init.headers as Headers;
    expect(cookies.getSetCookie().some((cookie) => cookie.includes("new-refresh"))).toBe(true);
  });

  it("refuses mismatched new passwords without calling the API", async () => {
    const api = fakeApi({});
    const result = await call(
      accountSettings.action,
      formRequest(`${APP}/account/settings`, { intent: "password", currentPassword: "x", newPassword: "a new long password", confirmPassword: "another one" }),
      contextWith(api),
    );
    expect(statusOf(result)).toBe(400);
    expect(api.calls).toHaveLength(0);
  });

  it("keeps a wrong password on the page (401 invalid_credentials is no sign-out)", async () => {
    const api = fakeApi({ "POST /v1/account/email": apiError(401, "invalid_credentials", "Wrong password.") });
    const result = await call(accountSettings.action, formRequest(`${APP}/account/settings`, { intent: "email", email: "new@acme.test", password: "x" }), contextWith(api));
    expect(statusOf(result)).toBe(401);
    expect(dataOf(result)).toMatchObject({ ok: false, error: { code: "invalid_credentials" } });
  });

  it("saves the notification checkboxes as four booleans", async () => {
    const api = fakeApi({ "PATCH /v1/account/notifications": json(200, { jobFinished: true, jobFailed: false, jobPaused: true, creditsLow: false }) });
    const result = await call(accountSettings.action, formRequest(`${APP}/account/settings`, { intent: "notifications", jobFinished: "on", jobPaused: "on" }), contextWith(api));
    expect(result).toEqual({ intent: "notifications", ok: true });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ jobFinished: true, jobFailed: false, jobPaused: true, creditsLow: false });
  });
});
