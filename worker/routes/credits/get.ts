import { createRoute, z } from "@hono/zod-openapi";
import { ledgerFor } from "../../credits/ledger";
import { filenamesOf, jobOfLedgerId } from "../../jobs/job-files";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonContent, PaginationQuery } from "../openapi-schemas";
import { LedgerEntrySchema } from "./schemas";

const CreditsSchema = z
  .object({
    balance: z.number().int(),
    held: z.number().int(),
    ledger: z.object({ data: z.array(LedgerEntrySchema), nextCursor: z.string().nullable() }),
  })
  .openapi("Credits");

// The ledger's cursor is the entry's sequence number, not an id.
const CreditsQuery = PaginationQuery.extend({
  cursor: z.string().regex(/^\d{1,15}$/, "Not a cursor from this list.").optional(),
});

const route = createRoute({
  method: "get",
  path: "/v1/credits",
  tags: ["Credits"],
  summary: "Balance, held credits and the ledger, newest first",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("credits:read")] as const,
  request: { query: CreditsQuery },
  responses: {
    200: jsonContent(CreditsSchema, "Credits"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden"),
  },
});

export function registerCredits(app: App) {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const ledger = ledgerFor(c.env, c.var.auth.user.id);
    const [balance, page] = await Promise.all([
      ledger.getBalance(),
      ledger.listEntries({ limit, cursor: cursor === undefined ? undefined : Number(cursor) }),
    ]);
    const data = page.data.map((entry) => ({ ...entry, jobId: entry.jobId === null ? null : jobOfLedgerId(entry.jobId) }));
    const files = await filenamesOf(c.env, c.var.auth.user.id, data.flatMap((entry) => (entry.jobId ? [entry.jobId] : [])));
    const withFiles = data.map((entry) => ({ ...entry, filename: entry.jobId ? (files.get(entry.jobId) ?? null) : null }));
    return c.json({ ...balance, ledger: { data: withFiles, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) } }, 200);
  });
}
