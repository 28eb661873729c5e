import { z } from "@hono/zod-openapi";

/** Shapes shared by the billing routes. */
export const PriceSchema = z
  .object({
    amount: z.number().int().openapi({ description: "Minor units (cents)", example: 1900 }),
    currency: z.string().openapi({ example: "usd" }),
  })
  .openapi("Price");

export const UrlSchema = z.object({ url: z.url() }).openapi("RedirectUrl");
