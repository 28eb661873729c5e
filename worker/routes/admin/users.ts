import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, lt, sql } from "drizzle-orm";
import { ledgerFor } from "../../credits/ledger";
import { publicUser, PublicUserSchema } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { pageOf } from "../../lib/pagination";
import { requireAdmin, requireAuth } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, listOf, PaginationQuery } from "../openapi-schemas";

const AdminUserSchema = PublicUserSchema.extend({
  planStatus: z.enum(["active", "past_due", "canceled"]),
  credits: z.object({ balance: z.number().int(), held: z.number().int() }),
}).openapi("AdminUser");

const route = createRoute({
  operationId: "listAdminUsers",
  method: "get",
  path: "/v1/admin/users",
  tags: ["Admin"],
  summary: "Users with plan and balance (admins only)",
  security: bearerSecurity,
  middleware: [requireAuth, requireAdmin] as const,
  request: { query: PaginationQuery.extend({ email: z.string().max(254).optional() }) },
  responses: {
    200: jsonContent(listOf(AdminUserSchema), "A page of users"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerAdminUsers(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor, email } = c.req.valid("query");
    const rows = await getDb(c.env)
      .select()
      .from(users)
      // instr, not LIKE: SQLite refuses LIKE patterns over 50 bytes, and `%` or `_` typed in the
      // search are letters of an email, not wildcards.
      .where(and(cursor ? lt(users.id, cursor) : undefined, email ? sql`instr(${users.email}, ${email.toLowerCase()}) > 0` : undefined))
      .orderBy(desc(users.id))
      .limit(limit + 1);
    const page = pageOf(rows, limit);
    const data = await Promise.all(
      page.data.map(async (user) => ({
        ...publicUser(c.var.config, user),
        planStatus: user.planStatus,
        credits: await ledgerFor(c.env, user.id).getBalance(),
      })),
    );
    return c.json({ data, nextCursor: page.nextCursor }, 200);
  });
}
