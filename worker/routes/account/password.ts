import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { NewPasswordSchema, PasswordSchema } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { hashPassword, verifyPassword } from "../../lib/password";
import { revokeAllSessions } from "../../lib/tokens";
import { requireAuth, requireSession } from "../../middleware/auth";
import { hitRateLimit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody } from "../openapi-schemas";

const ChangePasswordBody = z
  .object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema })
  .strict()
  .openapi("ChangePasswordRequest");

const route = createRoute({
  method: "post",
  path: "/v1/account/password",
  tags: ["Account"],
  operationId: "changePassword",
  summary: "Change the password; every refresh token is revoked (log in again with the new one)",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(ChangePasswordBody) },
  responses: {
    204: { description: "Changed; other sessions end at their next refresh" },
    ...errorResponses("invalid_request", "unauthorized", "invalid_credentials", "forbidden", "rate_limited"),
  },
});

export function registerChangePassword(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    const { currentPassword, newPassword } = c.req.valid("json");
    await hitRateLimit(c.env, { name: "change-password:user", limit: 10, windowSeconds: 3600 }, user.id);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new ApiError("invalid_credentials", "Wrong current password.");
    const db = getDb(c.env);
    await db.update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, user.id));
    await revokeAllSessions(db, user.id);
    c.var.log.info("password changed", { userId: user.id });
    return c.body(null, 204);
  });
}
