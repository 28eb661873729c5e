import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../lib/errors";
import { rateLimitByIp } from "../../middleware/rate-limit";
import { updateNotificationSettings } from "../../notifications/preferences";
import { readUnsubscribeToken } from "../../notifications/unsubscribe";
import type { App } from "../../types";
import { errorResponses, jsonContent } from "../openapi-schemas";

const UnsubscribeQuery = z.object({ token: z.string().min(1).max(300) });
const UnsubscribedSchema = z
  .object({ kind: z.enum(["jobFinished", "jobFailed", "jobPaused", "creditsLow"]), enabled: z.literal(false) })
  .openapi("Unsubscribed");

/**
 * RFC 8058 one-click unsubscribe: mail clients POST here (body `List-Unsubscribe=One-Click`, which is
 * not needed), and so does the web app's /unsubscribe page. No login: the signed token is the proof.
 */
const route = createRoute({
  method: "post",
  path: "/v1/notifications/unsubscribe",
  tags: ["Account"],
  operationId: "unsubscribeNotification",
  summary: "Turn one kind of notification email off with the signed token from its link (no login)",
  security: [],
  middleware: [rateLimitByIp({ name: "unsubscribe:ip", limit: 60, windowSeconds: 300 })] as const,
  request: { query: UnsubscribeQuery },
  responses: {
    200: jsonContent(UnsubscribedSchema, "That kind is off"),
    ...errorResponses("invalid_request", "not_found", "rate_limited"),
  },
});

export function registerUnsubscribe(app: App) {
  app.openapi(route, async (c) => {
    const parsed = await readUnsubscribeToken(c.var.config, c.req.valid("query").token);
    if (!parsed) throw new ApiError("invalid_request", "This unsubscribe link is not valid.", { field: "token" });
    const user = await updateNotificationSettings(c.env, parsed.userId, { [parsed.kind]: false });
    if (!user) throw new ApiError("not_found", "This account no longer exists.");
    c.var.log.info("unsubscribed", { userId: parsed.userId, kind: parsed.kind });
    return c.json({ kind: parsed.kind, enabled: false as const }, 200);
  });
}
