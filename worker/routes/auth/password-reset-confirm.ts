import { createRoute, z } from "@hono/zod-openapi";
import { NewPasswordSchema } from "../../accounts";
import { confirmPasswordReset } from "../../auth/password-reset";
import { rateLimitByIp } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody } from "../openapi-schemas";

const ConfirmBody = z
  .object({ token: z.string().min(1).max(200), password: NewPasswordSchema })
  .strict()
  .openapi("PasswordResetConfirmRequest");

const route = createRoute({
  method: "post",
  path: "/v1/auth/password-reset/confirm",
  tags: ["Auth"],
  operationId: "confirmPasswordReset",
  summary: "Set a new password with the token from the reset email (single use, 1 h); every session ends",
  security: [],
  middleware: [rateLimitByIp({ name: "password-reset-confirm:ip", limit: 30, windowSeconds: 300 })] as const,
  request: { body: jsonBody(ConfirmBody) },
  responses: {
    204: { description: "Password changed; every refresh token of the user is revoked" },
    ...errorResponses("invalid_request", "rate_limited"),
  },
});

export function registerPasswordResetConfirm(app: App) {
  app.openapi(route, async (c) => {
    const { token, password } = c.req.valid("json");
    await confirmPasswordReset(c.env, token, password, c.var.log);
    return c.body(null, 204);
  });
}
