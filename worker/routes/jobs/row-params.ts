import { z } from "@hono/zod-openapi";

/** `/v1/jobs/{id}/rows/{row}`: the job and a 1-based data row number. */
export const RowParams = z.object({
  id: z.string().min(1).max(100),
  row: z.coerce.number().int().min(1).max(10_000_000).openapi({ description: "1-based data row number" }),
});
