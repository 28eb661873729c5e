import { describe, expect, it } from "vitest";
import { call, json } from "../../helpers";

const ACCOUNT_ROUTES: Array<[string, string, string, "public" | "bearer"]> = [
  ["post", "/v1/auth/verify-email", "verifyEmail", "public"],
  ["post", "/v1/auth/resend-verification", "resendVerification", "bearer"],
  ["post", "/v1/auth/password-reset", "requestPasswordReset", "public"],
  ["post", "/v1/auth/password-reset/confirm", "confirmPasswordReset", "public"],
  ["post", "/v1/account/password", "changePassword", "bearer"],
  ["post", "/v1/account/email", "changeEmail", "bearer"],
  ["patch", "/v1/me", "updateMe", "bearer"],
  ["get", "/v1/account/notifications", "getNotificationSettings", "bearer"],
  ["patch", "/v1/account/notifications", "updateNotificationSettings", "bearer"],
  ["post", "/v1/notifications/unsubscribe", "unsubscribeNotification", "public"],
];

describe("accounts in the OpenAPI document", () => {
  it.each(ACCOUNT_ROUTES)("documents %s %s as %s with a summary, its security and error answers", async (method, path, operationId, security) => {
    const document = await json(await call("GET", "/openapi.json"));
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(operation.operationId).toBe(operationId);
    expect(operation.summary.length).toBeGreaterThan(10);
    expect(operation.security).toEqual(security === "public" ? [] : [{ bearer: [] }]);
    const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
    expect(errors.length).toBeGreaterThan(0);
    for (const [, response] of errors) {
      expect((response as any).content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    }
  });

  it("shows emailVerified on the user and documents the 403 email_not_verified of a full job", async () => {
    const document = await json(await call("GET", "/openapi.json"));
    expect(document.components.schemas.User.properties).toHaveProperty("emailVerified");
    expect(document.paths["/v1/jobs"].post.responses["403"].description).toMatch(/not verified/);
  });
});
