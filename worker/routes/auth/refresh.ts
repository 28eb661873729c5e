import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { publicUser } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { rotateRefreshToken } from "../../lib/tokens";
import { rateLimitByIp } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { SessionSchema } from "./session-schema";

const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict().openapi("RefreshRequest");

const route = createRoute({
  operationId: "refreshSession",
  security: [],
  method: "post",
  path: "/v1/auth/refresh",
  tags: ["Auth"],
  summary: "Trade a refresh token for a new pair (the old one dies; reuse revokes the family)",
  middleware: [rateLimitByIp({ name: "refresh:ip", limit: 120, windowSeconds: 300 })] as const,
  request: { body: jsonBody(RefreshBody) },
  responses: {
    200: jsonContent(SessionSchema, "A new token pair"),
    ...errorResponses("invalid_request", "unauthorized", "rate_limited"),
  },
});

export function registerRefresh(app: App) {
  app.openapi(route, async (c) => {
    const db = getDb(c.env);
    const rotated = await rotateRefreshToken(db, c.var.config, c.req.valid("json").refreshToken);
    if (!rotated) throw new ApiError("unauthorized", "This refresh token is invalid, expired or already used.");
    const { session, userId } = rotated;
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user) throw new ApiError("unauthorized", "This account no longer exists.");
    return c.json({ user: publicUser(c.var.config, user), ...session }, 200);
  });
}
