import { createRoute } from "@hono/zod-openapi";
import { sendVerification } from "../../auth/verification";
import { ApiError } from "../../lib/errors";
import { requireAuth } from "../../middleware/auth";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses } from "../openapi-schemas";

export const RESEND_VERIFICATION_LIMIT = { name: "resend-verification:user", limit: 3, windowSeconds: 3600 };

const route = createRoute({
  method: "post",
  path: "/v1/auth/resend-verification",
  tags: ["Auth"],
  operationId: "resendVerification",
  summary: "Mail a new verification link to the signed-in user's address (rate-limited)",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: {
    202: { description: "A new link is on its way" },
    ...errorResponses("unauthorized", "conflict", "rate_limited"),
  },
});

export function registerResendVerification(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    if (user.emailVerifiedAt) throw new ApiError("conflict", "This address is already verified.");
    await hitRateLimit(c, RESEND_VERIFICATION_LIMIT, user.id);
    await sendVerification(c.env, c.var.config, user, user.email, c.var.log);
    return c.body(null, 202);
  });
}
