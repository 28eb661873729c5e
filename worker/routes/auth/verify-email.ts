import { createRoute, z } from "@hono/zod-openapi";
import { publicUser, PublicUserSchema } from "../../accounts";
import { verifyEmailToken } from "../../auth/verification";
import { rateLimitByIp } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody, jsonContent } from "../openapi-schemas";

const VerifyEmailBody = z.object({ token: z.string().min(1).max(200) }).strict().openapi("VerifyEmailRequest");

const route = createRoute({
  method: "post",
  path: "/v1/auth/verify-email",
  tags: ["Auth"],
  operationId: "verifyEmail",
  summary: "Verify an address with the token from its email (single use, 24 h); grants the free credits once",
  security: [],
  middleware: [rateLimitByIp({ name: "verify-email:ip", limit: 30, windowSeconds: 300 })] as const,
  request: { body: jsonBody(VerifyEmailBody) },
  responses: {
    200: jsonContent(PublicUserSchema, "The user, verified (with the new address after a change)"),
    ...errorResponses("invalid_request", "conflict", "rate_limited"),
  },
});

export function registerVerifyEmail(app: App) {
  app.openapi(route, async (c) => {
    const user = await verifyEmailToken(c.env, c.req.valid("json").token, c.var.log);
    return c.json(publicUser(c.var.config, user), 200);
  });
}
