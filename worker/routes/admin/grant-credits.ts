import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { grantCredits } from "../../credits/grant-credits";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { ApiError, notFound } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { requireAdmin, requireAuth } from "../../middleware/auth";
import { IDEMPOTENCY_HEADER, idempotent } from "../../middleware/idempotency";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonContent } from "../openapi-schemas";
import { LedgerEntrySchema } from "../credits/schemas";

const GrantBody = z
  .object({
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, "delta cannot be 0."),
    reason: z.string().trim().min(3).max(200),
  })
  .strict()
  .openapi("AdminGrantRequest");

const route = createRoute({
  method: "post",
  path: "/v1/admin/users/{id}/credits",
  tags: ["Admin"],
  summary: "Grant (or remove) credits with a reason (admins only)",
  security: bearerSecurity,
  middleware: [requireAuth, requireAdmin, idempotent()] as const,
  request: { params: IdParam, body: jsonBody(GrantBody) },
  responses: {
    201: jsonContent(
      z.object({ entry: LedgerEntrySchema, balance: z.number().int(), held: z.number().int() }),
      "The ledger entry and the new balance",
    ),
    ...errorResponses("invalid_request", "unauthorized", "insufficient_credits", "forbidden", "not_found", "conflict"),
  },
});

export function registerAdminGrantCredits(app: App) {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { delta, reason } = c.req.valid("json");
    const [user] = await getDb(c.env).select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!user) throw notFound("User");
    // Keyed by the Idempotency-Key when given, so even concurrent retries reach the ledger once.
    const key = `admin:${c.var.auth.user.id}:${c.req.header(IDEMPOTENCY_HEADER) ?? newId("req")}`;
    const result = await grantCredits(c.env, id, { key, amount: delta, reason: "admin", note: reason }, c.var.log);
    if (!result.ok) {
      throw new ApiError("insufficient_credits", "The user's balance cannot go below zero.", {
        balance: result.balance,
        requested: delta,
      });
    }
    c.var.log.info("admin credit grant", { adminId: c.var.auth.user.id, userId: id, delta, reason, entryId: result.entry.id });
    return c.json({ entry: result.entry, balance: result.balance, held: result.held }, 201);
  });
}
