import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { publicUser, PublicUserSchema } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";

const UpdateMeBody = z
  .object({ name: z.string().trim().min(1).max(100).nullable() })
  .strict()
  .openapi("UpdateMeRequest");

const route = createRoute({
  method: "patch",
  path: "/v1/me",
  tags: ["Account"],
  operationId: "updateMe",
  summary: "Change the signed-in user's name (null clears it)",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(UpdateMeBody) },
  responses: {
    200: jsonContent(PublicUserSchema, "The user"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerUpdateMe(app: App) {
  app.openapi(route, async (c) => {
    const [user] = await getDb(c.env)
      .update(users)
      .set({ name: c.req.valid("json").name })
      .where(eq(users.id, c.var.auth.user.id))
      .returning();
    return c.json(publicUser(c.var.config, user!), 200);
  });
}
