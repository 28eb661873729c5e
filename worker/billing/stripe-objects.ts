import { z } from "zod";

/**
 * The parts of Stripe's objects the webhook reads, checked with zod. Signed payloads still pass
 * through here: a shape we do not expect becomes a logged no-op, not an exception.
 */
const StripeId = z.string().min(1).max(255);
/** An id, or the object when it was expanded. */
const Ref = z.union([StripeId, z.object({ id: StripeId })]).transform((value) => (typeof value === "string" ? value : value.id));
const Metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((value) => value ?? {});

export const StripeEventEnvelope = z.object({
  id: z.string().regex(/^evt_[A-Za-z0-9_]{1,250}$/),
  type: z.string().min(1).max(200),
  created: z.number().int().nonnegative(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof StripeEventEnvelope>;

export const CheckoutSessionObject = z.object({
  id: StripeId,
  mode: z.string(),
  customer: Ref.nullish(),
  client_reference_id: z.string().nullish(),
  metadata: Metadata,
  payment_status: z.string(),
  subscription: Ref.nullish(),
  invoice: Ref.nullish(),
});

export const SubscriptionObject = z.object({
  id: StripeId,
  customer: Ref,
  status: z.string(),
  cancel_at_period_end: z.boolean().nullish(),
  items: z.object({
    data: z.array(
      z.object({
        price: z.object({ id: StripeId }),
        current_period_end: z.number().int().nullish(),
      }),
    ),
  }),
  latest_invoice: Ref.nullish(),
});
export type SubscriptionObject = z.infer<typeof SubscriptionObject>;

export const InvoiceObject = z.object({
  id: StripeId,
  customer: Ref.nullish(),
  billing_reason: z.string().nullish(),
  parent: z
    .object({ subscription_details: z.object({ subscription: Ref }).nullish() })
    .nullish(),
  lines: z.object({
    data: z.array(
      z.object({
        amount: z.number().int(),
        pricing: z.object({ price_details: z.object({ price: Ref }).nullish() }).nullish(),
        period: z.object({ start: z.number().int(), end: z.number().int() }).nullish(),
      }),
    ),
  }),
});
export type InvoiceObject = z.infer<typeof InvoiceObject>;
