import { createRoute, z } from "@hono/zod-openapi";
import { getCatalogue, PACK_IDS, PLAN_IDS } from "../../billing/catalogue";
import type { App } from "../../types";
import { jsonContent } from "../openapi-schemas";
import { PriceSchema } from "./schemas";

const PlanSchema = z
  .object({
    id: z.enum(PLAN_IDS),
    name: z.string(),
    credits: z.number().int().openapi({ description: "Credits per month (free: once, at signup)" }),
    interval: z.enum(["month", "once"]),
    price: PriceSchema.nullable(),
    available: z.boolean().openapi({ description: "false when billing is not configured for this item" }),
  })
  .openapi("Plan");

const PackSchema = z
  .object({
    id: z.enum(PACK_IDS),
    name: z.string(),
    credits: z.number().int().openapi({ description: "Credits per unit" }),
    price: PriceSchema.nullable().openapi({ description: "Price per unit" }),
    available: z.boolean(),
    minQuantity: z.number().int(),
    maxQuantity: z.number().int(),
  })
  .openapi("CreditPack");

const CatalogueSchema = z
  .object({ currency: z.string(), plans: z.array(PlanSchema), packs: z.array(PackSchema) })
  .openapi("BillingCatalogue");

const route = createRoute({
  operationId: "listBillingPlans",
  security: [],
  method: "get",
  path: "/v1/billing/plans",
  tags: ["Billing"],
  summary: "Plans and credit packs with their credits and prices (public)",
  responses: { 200: jsonContent(CatalogueSchema, "The catalogue") },
});

export function registerBillingPlans(app: App) {
  app.openapi(route, (c) => {
    const catalogue = getCatalogue(c.var.config, c.var.log);
    // Public and the same for everyone until the next deploy.
    c.header("Cache-Control", "public, max-age=300");
    // Price ids stay server-side: clients buy by plan or pack id.
    return c.json(
      {
        currency: catalogue.currency,
        plans: catalogue.plans.map(({ id, name, credits, interval, price, available }) => ({ id, name, credits, interval, price, available })),
        packs: catalogue.packs.map(({ id, name, credits, price, available, minQuantity, maxQuantity }) => ({
          id,
          name,
          credits,
          price,
          available,
          minQuantity,
          maxQuantity,
        })),
      },
      200,
    );
  });
}
