import { describe, expect, it } from "vitest";
import { closeStripeCustomer } from "../../../worker/billing/customers";
import { createLogger } from "../../../worker/lib/logger";
import { signup } from "../../helpers";
import { customerFor, injectStripeFailure, stripeRequests, testEnv } from "./stripe-helpers";
import { getConfig } from "../../../worker/parse-config";

const log = createLogger({}, "error");

describe("closeStripeCustomer (for account deletion)", () => {
  it("deletes the user's Stripe customer, which cancels their subscriptions", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    await closeStripeCustomer(testEnv, getConfig(testEnv), { id: user.id, stripeCustomerId: customer }, log);
    const deletions = (await stripeRequests(customer, `/v1/customers/${customer}`)).filter((r) => r.method === "DELETE");
    expect(deletions).toHaveLength(1);
    expect(deletions[0]!.response).toMatchObject({ id: customer, deleted: true });
  });

  it("does nothing for a user who never had a customer, and treats an already deleted one as done", async () => {
    await expect(closeStripeCustomer(testEnv, getConfig(testEnv), { id: "usr_never_bought", stripeCustomerId: null }, log)).resolves.toBeUndefined();
    const user = await signup();
    const customer = await customerFor(user);
    await closeStripeCustomer(testEnv, getConfig(testEnv), { id: user.id, stripeCustomerId: customer }, log);
    await expect(closeStripeCustomer(testEnv, getConfig(testEnv), { id: user.id, stripeCustomerId: customer }, log)).resolves.toBeUndefined();
  });

  it("fails with 503 when Stripe is down, so the deletion can be retried", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    await injectStripeFailure(`/v1/customers/${customer}`, 500, 2);
    await expect(closeStripeCustomer(testEnv, getConfig(testEnv), { id: user.id, stripeCustomerId: customer }, log)).rejects.toMatchObject({
      status: 503,
      code: "service_unavailable",
    });
  });
});
