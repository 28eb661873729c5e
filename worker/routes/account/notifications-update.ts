import { createRoute } from "@hono/zod-openapi";
import { notificationSettings, NotificationSettingsSchema, updateNotificationSettings } from "../../notifications/preferences";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";

const UpdateBody = NotificationSettingsSchema.partial().strict().openapi("NotificationSettingsUpdate");

const route = createRoute({
  method: "patch",
  path: "/v1/account/notifications",
  tags: ["Account"],
  operationId: "updateNotificationSettings",
  summary: "Turn notification emails on or off (kinds left out stay as they are)",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(UpdateBody) },
  responses: {
    200: jsonContent(NotificationSettingsSchema, "The settings"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerUpdateNotificationSettings(app: App) {
  app.openapi(route, async (c) => {
    const user = await updateNotificationSettings(c.env, c.var.auth.user.id, c.req.valid("json"));
    return c.json(notificationSettings(user ?? c.var.auth.user), 200);
  });
}
