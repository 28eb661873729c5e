import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { revokeRefreshToken } from "../../lib/tokens";
import type { App } from "../../types";
import { errorResponses, jsonBody } from "../openapi-schemas";

const LogoutBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict().openapi("LogoutRequest");

const route = createRoute({
  operationId: "logout",
  security: [],
  method: "post",
  path: "/v1/auth/logout",
  tags: ["Auth"],
  summary: "End a session: its refresh-token family is revoked",
  request: { body: jsonBody(LogoutBody) },
  responses: { 204: { description: "Logged out" }, ...errorResponses("invalid_request") },
});

export function registerLogout(app: App) {
  app.openapi(route, async (c) => {
    await revokeRefreshToken(getDb(c.env), c.req.valid("json").refreshToken);
    return c.body(null, 204);
  });
}
