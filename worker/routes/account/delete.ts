import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { ledgerFor } from "../../credits/ledger";
import { PasswordSchema } from "../../accounts";
import { closeStripeCustomer } from "../../billing/account-deletion";
import { getDb } from "../../db/client";
import { jobs, users } from "../../db/schema";
import { roomFor } from "../../jobs/keys";
import { ApiError } from "../../lib/errors";
import { verifyPassword } from "../../lib/password";
import { requireAuth, requireSession } from "../../middleware/auth";
import { deletePrefix, userPrefix } from "../../storage";
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
    // Billing and files first: if either fails the account still exists and the user can retry; the
    // D1 row goes last and takes keys, tokens, uploads, profiles and jobs with it (ON DELETE CASCADE).
    await closeStripeCustomer(c.env, user, c.var.log);
    await deletePrefix(c.env.FILES, userPrefix(user.id));
    await ledgerFor(c.env, user.id).destroy();
    // Job rooms hold each job's settings (the service text among them): wipe them too.
    const userJobs = await getDb(c.env).select({ id: jobs.id }).from(jobs).where(eq(jobs.userId, user.id));
    await Promise.all(userJobs.map((job) => roomFor(c.env, job.id).destroy()));
    await getDb(c.env).delete(users).where(eq(users.id, user.id));
    c.var.log.info("account deleted", { userId: user.id });
    return c.body(null, 204);
  });
}
