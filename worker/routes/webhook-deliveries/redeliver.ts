import { createRoute } from "@hono/zod-openapi";
import { assertWebhookUrl } from "../../jobs/webhook";
import { findDelivery, redeliver } from "../../jobs/webhook-deliveries";
import { hostOf } from "../../lib/public-url";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { deliveryExample, MANUAL_SEND_LIMIT, publicDelivery, WebhookDeliverySchema } from "./schemas";

const route = createRoute({
  operationId: "redeliverWebhookDelivery",
  method: "post",
  path: "/v1/webhook-deliveries/{id}/redeliver",
  tags: ["Webhooks"],
  summary: "Send a delivery again now: the same body and Openline-Delivery id, signed with a fresh timestamp",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { params: IdParam },
  responses: {
    200: jsonContent(WebhookDeliverySchema, "The delivery with this attempt's outcome", { ...deliveryExample, status: "delivered", attempts: 3, lastResponseCode: 200, lastError: null, nextRetryAt: null }),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "rate_limited"),
  },
});

export function registerRedeliverWebhookDelivery(app: App) {
  app.openapi(route, async (c) => {
    const userId = c.var.auth.user.id;
    const delivery = await findDelivery(c.env, userId, c.req.valid("param").id);
    if (!delivery) throw notFound("Webhook delivery");
    // Stored before the rule, or with ALLOW_LOCAL_WEBHOOKS since turned off: refused, not sent.
    assertWebhookUrl(c.var.config, delivery.url, "url");
    await hitRateLimit(c, MANUAL_SEND_LIMIT, userId);
    const updated = await redeliver(c.env, c.var.config, delivery);
    c.var.log.info("webhook redelivered", { deliveryId: updated.id, host: hostOf(updated.url), status: updated.status, code: updated.lastResponseCode });
    return c.json(publicDelivery(updated), 200);
  });
}
