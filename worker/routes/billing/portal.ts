import { createRoute } from "@hono/zod-openapi";
import { createPortalSession } from "../../billing/checkout";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";
import { UrlSchema } from "./schemas";

export const PORTAL_LIMIT = { name: "billing:portal", limit: 30, windowSeconds: 3600 };

const route = createRoute({
  operationId: "createBillingPortal",
  method: "post",
  path: "/v1/billing/portal",
  tags: ["Billing"],
  summary: "Open the Stripe customer portal (change or cancel the plan, invoices, payment methods)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("billing:write"), idempotent()] as const,
  responses: {
    201: jsonContent(UrlSchema, "The portal page"),
    ...errorResponses("unauthorized", "forbidden", "conflict", "rate_limited", "service_unavailable"),
  },
});

export function registerBillingPortal(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    await hitRateLimit(c, PORTAL_LIMIT, user.id);
    return c.json({ url: await createPortalSession(c.env, c.var.config, user, c.var.log) }, 201);
  });
}
