import { createRoute } from "@hono/zod-openapi";
import { listDeliveries } from "../../jobs/webhook-deliveries";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";
import { deliveryExample, publicDelivery, WebhookDeliverySchema } from "./schemas";

const route = createRoute({
  operationId: "listWebhookDeliveries",
  method: "get",
  path: "/v1/webhook-deliveries",
  tags: ["Webhooks"],
  summary: "Webhook deliveries of the last 30 days, newest first, with their status and last answer",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(listOf(WebhookDeliverySchema), "A page of deliveries", { data: [deliveryExample], nextCursor: null }),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerListWebhookDeliveries(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const page = await listDeliveries(c.env, c.var.auth.user.id, limit, cursor);
    return c.json({ data: page.data.map(publicDelivery), nextCursor: page.nextCursor }, 200);
  });
}
