import { createRoute, z } from "@hono/zod-openapi";
import { ledgerFor } from "../../credits/ledger";
import { publicUser, PublicUserSchema } from "../../accounts";
import { requireAuth } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";

const MeSchema = PublicUserSchema.extend({
  credits: z.object({ balance: z.number().int(), held: z.number().int() }),
}).openapi("Me");

const route = createRoute({
  operationId: "getMe",
  method: "get",
  path: "/v1/me",
  tags: ["Account"],
  summary: "The signed-in user with their credits",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 200: jsonContent(MeSchema, "The user"), ...errorResponses("unauthorized") },
});

export function registerMe(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    const credits = await ledgerFor(c.env, user.id).getBalance();
    return c.json({ ...publicUser(c.var.config, user), credits }, 200);
  });
}
