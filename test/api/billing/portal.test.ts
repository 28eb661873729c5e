import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { injectStripeFailure, startCheckout, stripeRequests, testEnv } from "./stripe-helpers";

const portal = (token: string) => call("POST", "/v1/billing/portal", { token });

describe("POST /v1/billing/portal — happy", () => {
  it("opens the portal for the user's existing customer, returning to the billing page", async () => {
    const user = await signup();
    const { customer } = await startCheckout(user, { pack: "credits", quantity: 1 });
    const response = await portal(user.accessToken);
    expect(response.status).toBe(201);
    const { url } = await json(response);
    expect(url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\/bps_/);
    const [request] = await stripeRequests(customer, "/v1/billing_portal/sessions");
    expect(request!.params).toEqual({ customer, return_url: `${testEnv.APP_URL}/account/billing` });
    expect(await stripeRequests(user.id, "/v1/customers")).toHaveLength(1);
  });

  it("creates the customer for a user who never bought, and reuses it at checkout", async () => {
    const user = await signup();
    expect((await portal(user.accessToken)).status).toBe(201);
    const { customer } = await startCheckout(user, { plan: "starter" });
    const [created] = await stripeRequests(user.id, "/v1/customers");
    expect(created!.response.id).toBe(customer);
    expect(await stripeRequests(user.id, "/v1/customers")).toHaveLength(1);
  });
});

describe("POST /v1/billing/portal — errors", () => {
  it("answers 503 when Stripe fails", async () => {
    const user = await signup();
    const { customer } = await startCheckout(user, { pack: "credits", quantity: 1 });
    await injectStripeFailure(customer, 503, 2);
    await expectError(await portal(user.accessToken), 503, "service_unavailable");
  });
});

describe("POST /v1/billing/portal — security", () => {
  it("requires authentication", async () => {
    await expectError(await call("POST", "/v1/billing/portal"), 401, "unauthorized");
  });

  it("refuses an API key without billing:write", async () => {
    const user = await signup();
    const created = await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ro", scopes: ["credits:read"] } });
    const { key } = await json(created);
    await expectError(await portal(key), 403, "forbidden");
  });

  it("only ever opens the caller's own customer", async () => {
    const ann = await signup();
    const bob = await signup();
    const annCustomer = (await startCheckout(ann, { pack: "credits", quantity: 1 })).customer;
    const bobCustomer = (await startCheckout(bob, { pack: "credits", quantity: 1 })).customer;
    expect((await portal(bob.accessToken)).status).toBe(201);
    expect(await stripeRequests(annCustomer, "/v1/billing_portal/sessions")).toEqual([]);
    expect(await stripeRequests(bobCustomer, "/v1/billing_portal/sessions")).toHaveLength(1);
  });
});
