import { createRoute, z } from "@hono/zod-openapi";
import { EmailSchema } from "../../accounts";
import { requestPasswordReset } from "../../auth/password-reset";
import { hitRateLimit, rateLimitByIp } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody } from "../openapi-schemas";

const PasswordResetBody = z.object({ email: EmailSchema }).strict().openapi("PasswordResetRequest");

export const PASSWORD_RESET_LIMITS = {
  perIp: { name: "password-reset:ip", limit: 10, windowSeconds: 3600 },
  perEmail: { name: "password-reset:email", limit: 3, windowSeconds: 3600 },
};

const route = createRoute({
  method: "post",
  path: "/v1/auth/password-reset",
  tags: ["Auth"],
  operationId: "requestPasswordReset",
  summary: "Mail a password-reset link (202 whether or not the address has an account)",
  security: [],
  middleware: [rateLimitByIp(PASSWORD_RESET_LIMITS.perIp)] as const,
  request: { body: jsonBody(PasswordResetBody) },
  responses: {
    202: { description: "If the address has an account, a link is on its way" },
    ...errorResponses("invalid_request", "rate_limited"),
  },
});

export function registerPasswordReset(app: App) {
  app.openapi(route, async (c) => {
    const { email } = c.req.valid("json");
    // Counted for unknown addresses too, so the limit itself reveals nothing.
    await hitRateLimit(c, PASSWORD_RESET_LIMITS.perEmail, email);
    await requestPasswordReset(c.env, c.var.config, email, c.var.log, (work) => c.executionCtx.waitUntil(work));
    return c.body(null, 202);
  });
}
