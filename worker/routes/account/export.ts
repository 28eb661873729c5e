import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { ledgerFor } from "../../credits/ledger";
import type { LedgerEntry } from "../../credits/contract";
import { publicUser } from "../../accounts";
import { getDb } from "../../db/client";
import { accountTokens, apiKeys, jobs, mappingProfiles, rowOverrides, savedContexts, uploads, webhookDeliveries } from "../../db/schema";
import { exportStream } from "../../account/export-stream";
import { notificationSettings } from "../../notifications/preferences";
import { requireAuth, requireSession } from "../../middleware/auth";
import type { App } from "../../types";
import { publicApiKey } from "../api-keys/schemas";
import { bearerSecurity, errorResponses, jsonContent } from "../openapi-schemas";

const route = createRoute({
  operationId: "exportAccount",
  method: "get",
  path: "/v1/account/export",
  tags: ["Account"],
  summary: "Everything stored about the user, as JSON",
  security: bearerSecurity,
  middleware: [requireAuth, requireSession] as const,
  responses: {
    200: jsonContent(
      z.record(z.string(), z.unknown()).openapi("AccountExport"),
      "The user's data: records, each upload with its file as uploaded (`original`, base64) and each job with its lines",
    ),
    ...errorResponses("unauthorized", "forbidden"),
  },
});

export function registerAccountExport(app: App) {
  app.openapi(route, async (c) => {
    const { user } = c.var.auth;
    const db = getDb(c.env);
    const ledger = ledgerFor(c.env, user.id);
    const entries: LedgerEntry[] = [];
    let cursor: number | undefined;
    do {
      const page = await ledger.listEntries({ limit: 100, cursor });
      entries.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const [keys, userUploads, profiles, userJobs, credits, contexts, rowEdits, tokens, deliveries] = await Promise.all([
      db.select().from(apiKeys).where(eq(apiKeys.userId, user.id)),
      db.select().from(uploads).where(eq(uploads.userId, user.id)),
      db.select().from(mappingProfiles).where(eq(mappingProfiles.userId, user.id)),
      db.select().from(jobs).where(eq(jobs.userId, user.id)),
      ledger.getBalance(),
      db.select().from(savedContexts).where(eq(savedContexts.userId, user.id)),
      db.select({ edit: rowOverrides }).from(rowOverrides).innerJoin(jobs, eq(jobs.id, rowOverrides.jobId)).where(eq(jobs.userId, user.id)),
      db.select().from(accountTokens).where(eq(accountTokens.userId, user.id)),
      db.select().from(webhookDeliveries).where(eq(webhookDeliveries.userId, user.id)),
    ]);
    const records = {
      head: {
        exportedAt: new Date().toISOString(),
        user: {
          ...publicUser(c.var.config, user),
          emailVerifiedAt: user.emailVerifiedAt,
          planStatus: user.planStatus,
          stripeCustomerId: user.stripeCustomerId,
        },
        notifications: { ...notificationSettings(user), creditsLowNotifiedFor: user.creditsLowNotifiedFor },
        // Emailed links (verification, password reset): when and to which address, never the token.
        emailTokens: tokens.map(({ tokenHash, userId, ...token }) => token),
        credits: { ...credits, ledger: entries },
        apiKeys: keys.map((key) => ({ ...publicApiKey(key), revokedAt: key.revokedAt })),
        mappingProfiles: profiles.map(({ userId, ...profile }) => profile),
        savedContexts: contexts.map(({ userId, ...saved }) => saved),
        rowEdits: rowEdits.map(({ edit }) => edit),
        webhookDeliveries: deliveries.map(({ userId, ...delivery }) => delivery),
      },
      uploads: userUploads.map((row) => {
        const { originalKey, normalizedKey, chunkIndexKey, userId, ...fields } = row;
        return { row, fields };
      }),
      jobs: userJobs.map((row) => {
        const { userId, ...fields } = row;
        return { row, fields };
      }),
    };
    // Streamed: uploaded files and generated lines can be far larger than a Worker's memory.
    // The stream is the documented JSON; the typed c.json cannot stream, hence the cast.
    const body = exportStream(c.env, records, c.var.log);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="openline-export-${user.id}.json"`,
        "Cache-Control": "no-store",
      },
    }) as unknown as ReturnType<typeof c.json<Record<string, never>, 200>>;
  });
}
