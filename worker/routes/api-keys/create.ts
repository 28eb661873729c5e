import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { apiKeys } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";
import { newId, randomToken } from "../../lib/ids";
import { API_KEY_PREFIX, requireAuth, requireSession } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import { API_SCOPES } from "../../types";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { ApiKeySchema, publicApiKey } from "./schemas";

const CreateApiKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length).optional(),
  })
  .strict()
  .openapi("CreateApiKeyRequest");

const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The secret, shown this once only" }),
}).openapi("CreatedApiKey");

const route = createRoute({
  method: "post",
  path: "/v1/api-keys",
  tags: ["API keys"],
  summary: "Create an API key (the secret is shown once)",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession, idempotent({ secretResource: (body) => (body as { id?: string }).id })] as const,
  request: { body: jsonBody(CreateApiKeyBody) },
  responses: {
    201: jsonContent(CreatedApiKeySchema, "The key, with its secret"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "conflict"),
  },
});

export function registerCreateApiKey(app: App) {
  app.openapi(route, async (c) => {
    const { name, scopes } = c.req.valid("json");
    // Only a SHA-256 of the secret is stored: 32 random bytes need no slow hash.
    const key = `${API_KEY_PREFIX}${randomToken(32)}`;
    const [row] = await getDb(c.env)
      .insert(apiKeys)
      .values({
        id: newId("key"),
        userId: c.var.auth.user.id,
        name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 8),
        keyHash: await sha256Hex(key),
        scopes: [...new Set(scopes ?? API_SCOPES)],
      })
      .returning();
    return c.json({ ...publicApiKey(row!), key }, 201);
  });
}
