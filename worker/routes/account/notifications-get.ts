import { createRoute } from "@hono/zod-openapi";
import { notificationSettings, NotificationSettingsSchema } from "../../notifications/preferences";
import { requireAuth } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";

const route = createRoute({
  method: "get",
  path: "/v1/account/notifications",
  tags: ["Account"],
  operationId: "getNotificationSettings",
  summary: "Which notification emails the user gets",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 200: jsonContent(NotificationSettingsSchema, "The settings"), ...errorResponses("unauthorized") },
});

export function registerGetNotificationSettings(app: App) {
  app.openapi(route, (c) => c.json(notificationSettings(c.var.auth.user), 200));
}
