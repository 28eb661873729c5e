import { z } from "@hono/zod-openapi";

/** The Credits section of the contract: a ledger entry as the API shows it (GET /v1/credits, the admin grant). */
export const LedgerEntrySchema = z
  .object({
    id: z.string().openapi({ example: "led_0196a3f2c1d4e5f6a7b8c9d0" }),
    delta: z.number().int(),
    reason: z.enum(["signup", "plan", "renewal", "pack", "admin", "job_charge", "refund"]),
    jobId: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    filename: z.string().nullable().optional().openapi({ description: "The file of the entry's job, when it has one" }),
  })
  .openapi("LedgerEntry");
