import { createRoute, z } from "@hono/zod-openapi";
import { PACK_IDS, PACK_MAX_QUANTITY, PAID_PLAN_IDS } from "../../billing/catalogue";
import { createCheckoutSession } from "../../billing/checkout";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { UrlSchema } from "./schemas";

const CheckoutBody = z
  .object({
    plan: z.enum(PAID_PLAN_IDS).optional().openapi({ description: "A paid plan (a monthly subscription)" }),
    pack: z.enum(PACK_IDS).optional().openapi({ description: "A credit pack (a one-time payment)" }),
    quantity: z
      .number()
      .int()
      .min(1, "quantity must be at least 1.")
      .max(PACK_MAX_QUANTITY, `quantity can be at most ${PACK_MAX_QUANTITY}.`)
      .optional()
      .openapi({ description: "Number of packs (with `pack` only)" }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.plan === undefined) === (body.pack === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "Send either `plan` or `pack` with `quantity`." });
    } else if (body.pack !== undefined && body.quantity === undefined) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "quantity is required with pack." });
    } else if (body.plan !== undefined && body.quantity !== undefined) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "quantity goes with pack, not plan." });
    }
  })
  .openapi("CheckoutRequest", { example: { pack: "credits", quantity: 5 } });

export const CHECKOUT_LIMIT = { name: "billing:checkout", limit: 30, windowSeconds: 3600 };

const route = createRoute({
  operationId: "createBillingCheckout",
  method: "post",
  path: "/v1/billing/checkout",
  tags: ["Billing"],
  summary: "Start a Stripe Checkout for a plan or credit packs; answers the page to send the user to",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("billing:write"), idempotent()] as const,
  request: { body: jsonBody(CheckoutBody) },
  responses: {
    201: jsonContent(UrlSchema, "The Stripe Checkout page"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "conflict", "rate_limited", "service_unavailable"),
  },
});

export function registerBillingCheckout(app: App) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const { user } = c.var.auth;
    await hitRateLimit(c, CHECKOUT_LIMIT, user.id);
    const url = await createCheckoutSession(
      c.env,
      c.var.config,
      user,
      body.plan ? { kind: "plan", plan: body.plan } : { kind: "pack", pack: body.pack!, quantity: body.quantity! },
      c.var.log,
    );
    return c.json({ url }, 201);
  });
}
