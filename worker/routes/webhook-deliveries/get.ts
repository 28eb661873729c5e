import { createRoute } from "@hono/zod-openapi";
import { findDelivery } from "../../jobs/webhook-deliveries";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { deliveryExample, publicDelivery, WebhookDeliverySchema } from "./schemas";

const route = createRoute({
  operationId: "getWebhookDelivery",
  method: "get",
  path: "/v1/webhook-deliveries/{id}",
  tags: ["Webhooks"],
  summary: "One webhook delivery",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(WebhookDeliverySchema, "The delivery", deliveryExample),
    ...errorResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerGetWebhookDelivery(app: App) {
  app.openapi(route, async (c) => {
    const delivery = await findDelivery(c.env, c.var.auth.user.id, c.req.valid("param").id);
    if (!delivery) throw notFound("Webhook delivery");
    return c.json(publicDelivery(delivery), 200);
  });
}
