import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { randomToken } from "../../lib/ids";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";

const SecretSchema = z.object({ secret: z.string().openapi({ example: "whsec_…" }) }).openapi("WebhookSecret");
const getRoute = createRoute({
  operationId: "getWebhookSecret",
  path: "/v1/account/webhook-secret",
  tags: ["Account"],
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  method: "get",
  summary: "The secret that signs outbound job webhooks",
  responses: { 200: jsonContent(SecretSchema, "The secret"), ...errorResponses("unauthorized", "forbidden") },
});

const rotateRoute = createRoute({
  operationId: "rotateWebhookSecret",
  path: "/v1/account/webhook-secret",
  tags: ["Account"],
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  method: "post",
  summary: "Rotate the webhook signing secret",
  responses: { 200: jsonContent(SecretSchema, "The new secret"), ...errorResponses("unauthorized", "forbidden") },
});

export function registerWebhookSecret(app: App) {
  app.openapi(getRoute, (c) => c.json({ secret: c.var.auth.user.webhookSecret }, 200));
  app.openapi(rotateRoute, async (c) => {
    const secret = `whsec_${randomToken(24)}`;
    await getDb(c.env).update(users).set({ webhookSecret: secret }).where(eq(users.id, c.var.auth.user.id));
    return c.json({ secret }, 200);
  });
}
