import { createRoute, z } from "@hono/zod-openapi";
import { PLAN_CREDITS, PLAN_IDS } from "../../billing/catalogue";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";

const SubscriptionSchema = z
  .object({
    plan: z.enum(PLAN_IDS),
    status: z.enum(["active", "past_due", "canceled"]).openapi({
      description: "`past_due`: the last renewal failed (credits are kept); `canceled`: the paid plan ended",
    }),
    monthlyCredits: z.number().int(),
    currentPeriodEnd: z.string().nullable(),
    cancelAtPeriodEnd: z.boolean().openapi({ description: "The plan goes back to free at currentPeriodEnd" }),
  })
  .openapi("BillingSubscription");

const route = createRoute({
  operationId: "getBillingSubscription",
  method: "get",
  path: "/v1/billing/subscription",
  tags: ["Billing"],
  summary: "The signed-in user's plan and its Stripe subscription state",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("credits:read")] as const,
  responses: { 200: jsonContent(SubscriptionSchema, "The plan"), ...errorResponses("unauthorized", "forbidden") },
});

export function registerBillingSubscription(app: App) {
  app.openapi(route, (c) => {
    const { user } = c.var.auth;
    return c.json(
      {
        plan: user.plan,
        status: user.planStatus,
        monthlyCredits: user.plan === "free" ? 0 : PLAN_CREDITS[user.plan],
        currentPeriodEnd: user.planPeriodEnd,
        cancelAtPeriodEnd: user.planCancelAtPeriodEnd,
      },
      200,
    );
  });
}
