import { createRoute, z } from "@hono/zod-openapi";
import { EmailSchema, PasswordSchema } from "../../accounts";
import { requestEmailChange } from "../../auth/verification";
import { ApiError } from "../../lib/errors";
import { verifyPassword } from "../../lib/password";
import { requireAuth, requireSession } from "../../middleware/auth";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody } from "../openapi-schemas";

const ChangeEmailBody = z.object({ email: EmailSchema, password: PasswordSchema }).strict().openapi("ChangeEmailRequest");

const route = createRoute({
  method: "post",
  path: "/v1/account/email",
  tags: ["Account"],
  operationId: "changeEmail",
  summary: "Change the address: a link goes to the new one, a notice to the old; it switches when the link is followed",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(ChangeEmailBody) },
  responses: {
    202: { description: "The verification link is on its way to the new address" },
    ...errorResponses("invalid_request", "unauthorized", "invalid_credentials", "forbidden", "conflict", "rate_limited"),
  },
});

export function registerChangeEmail(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    const { email, password } = c.req.valid("json");
    await hitRateLimit(c, { name: "change-email:user", limit: 5, windowSeconds: 3600 }, user.id);
    if (!(await verifyPassword(password, user.passwordHash))) throw new ApiError("invalid_credentials", "Wrong password.");
    await requestEmailChange(c.env, c.var.config, user, email, c.var.log);
    return c.body(null, 202);
  });
}
