import { createRoute, z } from "@hono/zod-openapi";
import { assertWebhookUrl } from "../../jobs/webhook";
import { lastDeliveryUrl, sendTestEvent } from "../../jobs/webhook-deliveries";
import { hostOf } from "../../lib/public-url";
import { ApiError } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { deliveryExample, MANUAL_SEND_LIMIT, publicDelivery, WebhookDeliverySchema } from "./schemas";

const TestEventBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: "Must be an http(s) URL." })
      .max(2000)
      .optional()
      .openapi({ description: "Where to send it; default: the URL of your latest delivery" }),
  })
  .strict()
  .openapi("WebhookTestRequest");

const route = createRoute({
  operationId: "sendWebhookTestEvent",
  method: "post",
  path: "/v1/webhook-deliveries/test",
  tags: ["Webhooks"],
  summary: "Send a signed webhook.test event now, to check an endpoint and its signature check",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:write")] as const,
  request: { body: jsonBody(TestEventBody, { url: "https://crm.acme.example/hooks/openline" }) },
  responses: {
    201: jsonContent(WebhookDeliverySchema, "The test delivery with its outcome", {
      ...deliveryExample,
      id: "whd_test_19ab2c3d4e5f6a7b8c9d0e1f2",
      event: "webhook.test",
      jobId: null,
      status: "delivered",
      attempts: 1,
      lastResponseCode: 200,
      lastError: null,
      nextRetryAt: null,
    }),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "rate_limited"),
  },
});

export function registerSendWebhookTestEvent(app: App) {
  app.openapi(route, async (c) => {
    const userId = c.var.auth.user.id;
    const url = c.req.valid("json").url ?? (await lastDeliveryUrl(c.env, userId));
    if (!url) throw new ApiError("invalid_request", "Give a `url`: no webhook has been sent for you yet, so there is no last URL to use.");
    // Before counting or sending: private networks, local names and other ports are never called.
    assertWebhookUrl(c.var.config, url, "url");
    await hitRateLimit(c, MANUAL_SEND_LIMIT, userId);
    const delivery = await sendTestEvent(c.env, c.var.config, userId, url);
    c.var.log.info("webhook test event", { deliveryId: delivery.id, host: hostOf(url), status: delivery.status, code: delivery.lastResponseCode });
    return c.json(publicDelivery(delivery), 201);
  });
}
