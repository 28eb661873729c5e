import { createRoute, z } from "@hono/zod-openapi";
import { receiveStripeWebhook } from "../../billing/webhook";
import type { App } from "../../types";
import { errorResponses, jsonContent } from "../openapi-schemas";

const ReceivedSchema = z
  .object({
    received: z.literal(true),
    eventId: z.string(),
    outcome: z.enum(["applied", "ignored", "duplicate"]),
    detail: z.string(),
  })
  .openapi("StripeWebhookReceived");

const route = createRoute({
  operationId: "receiveStripeWebhook",
  security: [],
  method: "post",
  path: "/v1/webhooks/stripe",
  tags: ["Billing"],
  summary: "Stripe events (signature checked on the raw body; each event applied once)",
  description:
    "Called by Stripe, not by clients. The body is read raw (not parsed) because the `Stripe-Signature` HMAC covers its exact bytes.",
  responses: {
    200: jsonContent(ReceivedSchema, "Received (applied, ignored, or already applied)"),
    ...errorResponses("invalid_request", "service_unavailable"),
  },
});

export function registerStripeWebhook(app: App) {
  app.openapi(route, async (c) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const result = await receiveStripeWebhook(c.env, c.var.config, rawBody, c.req.header("Stripe-Signature"), c.var.log);
    return c.json({ received: true as const, eventId: result.eventId, outcome: result.outcome, detail: result.detail }, 200);
  });
}
