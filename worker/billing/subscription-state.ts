import { and, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { planForPrice, type Catalogue, type PaidPlanId } from "./catalogue";
import type { SubscriptionObject } from "./stripe-objects";

/**
 * A user's plan follows their Stripe subscription. Events can arrive late, twice or out of order, so
 * every change is a conditional UPDATE that only lands when the event is newer (`event.created`) than
 * the one the stored state came from (`users.billing_state_at`); one statement, so races are safe too.
 * On a tie (same second) the later arrival wins, except over an ended subscription (ADR 032).
 */
export type SubscriptionPhase = "active" | "past_due" | "ended" | "pending";

export interface SubscriptionSnapshot {
  subscriptionId: string;
  phase: SubscriptionPhase;
  /** null when the subscription's price maps to no plan we sell. */
  plan: PaidPlanId | null;
  periodEnd: string | null;
  cancelAtPeriodEnd: boolean;
}

export function phaseOf(status: string): SubscriptionPhase {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "past_due":
    case "unpaid":
    case "paused":
      return "past_due";
    case "canceled":
    case "incomplete_expired":
      return "ended";
    default:
      // `incomplete`: the first payment has not gone through; nothing to apply yet.
      return "pending";
  }
}

export function snapshotOf(subscription: SubscriptionObject, catalogue: Catalogue): SubscriptionSnapshot {
  const items = subscription.items.data;
  const plan = items.map((item) => planForPrice(catalogue, item.price.id)).find((found) => found !== null) ?? null;
  const ends = items.map((item) => item.current_period_end).filter((end): end is number => typeof end === "number");
  return {
    subscriptionId: subscription.id,
    phase: phaseOf(subscription.status),
    plan,
    periodEnd: ends.length ? new Date(Math.max(...ends) * 1000).toISOString() : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end === true,
  };
}

const newerThanStored = (created: number) =>
  or(
    isNull(users.billingStateAt),
    lt(users.billingStateAt, created),
    and(eq(users.billingStateAt, created), ne(users.planStatus, "canceled")),
  );

export type ApplyResult = "applied" | "stale" | "unmapped" | "pending";

export async function applySubscriptionSnapshot(
  env: Env,
  userId: string,
  snapshot: SubscriptionSnapshot,
  eventCreated: number,
): Promise<ApplyResult> {
  const db = getDb(env);
  if (snapshot.phase === "pending") return "pending";
  if (snapshot.phase === "ended") {
    // Back to free, unless the user has since moved to another subscription.
    const rows = await db
      .update(users)
      .set({
        plan: "free",
        planStatus: "canceled",
        planPeriodEnd: null,
        planCancelAtPeriodEnd: false,
        stripeSubscriptionId: null,
        billingStateAt: eventCreated,
      })
      .where(
        and(
          eq(users.id, userId),
          or(isNull(users.stripeSubscriptionId), eq(users.stripeSubscriptionId, snapshot.subscriptionId)),
          or(isNull(users.billingStateAt), lte(users.billingStateAt, eventCreated)),
        ),
      )
      .returning({ id: users.id });
    return rows.length ? "applied" : "stale";
  }
  if (!snapshot.plan) return "unmapped";
  const rows = await db
    .update(users)
    .set({
      plan: snapshot.plan,
      planStatus: snapshot.phase,
      planPeriodEnd: snapshot.periodEnd,
      planCancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
      stripeSubscriptionId: snapshot.subscriptionId,
      billingStateAt: eventCreated,
    })
    .where(and(eq(users.id, userId), newerThanStored(eventCreated)))
    .returning({ id: users.id });
  return rows.length ? "applied" : "stale";
}

/** A failed renewal: the account is past due (credits stay), if the event is about its current subscription. */
export async function markPastDue(env: Env, userId: string, subscriptionId: string, eventCreated: number): Promise<ApplyResult> {
  const rows = await getDb(env)
    .update(users)
    .set({ planStatus: "past_due", billingStateAt: eventCreated })
    .where(and(eq(users.id, userId), eq(users.stripeSubscriptionId, subscriptionId), newerThanStored(eventCreated)))
    .returning({ id: users.id });
  return rows.length ? "applied" : "stale";
}
