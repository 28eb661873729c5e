import { createRoute, z } from "@hono/zod-openapi";
import { PasswordSchema } from "../../accounts";
import { deleteAccount } from "../../accounts/delete-account";
import { ApiError } from "../../lib/errors";
import { verifyPassword } from "../../lib/password";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody } from "../openapi-schemas";

const DeleteAccountBody = z.object({ password: PasswordSchema }).strict().openapi("DeleteAccountRequest");

const route = createRoute({
  operationId: "deleteAccount",
  method: "delete",
  path: "/v1/account",
  tags: ["Account"],
  summary: "Delete the account with its files, jobs and keys",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  request: { body: jsonBody(DeleteAccountBody) },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses("invalid_request", "unauthorized", "invalid_credentials", "forbidden", "service_unavailable"),
  },
});

export function registerDeleteAccount(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    if (!(await verifyPassword(c.req.valid("json").password, user.passwordHash))) {
      throw new ApiError("invalid_credentials", "Wrong password.");
    }
    await deleteAccount(c.env, c.var.config, user, c.var.log);
    return c.body(null, 204);
  });
}
