import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, PASSWORD, signup, uniqueIp } from "../../helpers";
import { customerFor, injectStripeFailure, stripeRequests } from "../billing/stripe-helpers";
import { createScenario, createUploadFixture, jobBody, prospectRows } from "../jobs/fixtures";
import { roomFor } from "../../../worker/jobs/keys";

describe("webhook secret", () => {
  it("is readable and rotates", async () => {
    const user = await signup();
    const first = await json(await call("GET", "/v1/account/webhook-secret", { token: user.accessToken }));
    expect(first.secret).toMatch(/^whsec_/);
    const rotated = await json(await call("POST", "/v1/account/webhook-secret", { token: user.accessToken }));
    expect(rotated.secret).not.toBe(first.secret);
    const after = await json(await call("GET", "/v1/account/webhook-secret", { token: user.accessToken }));
    expect(after.secret).toBe(rotated.secret);
  });

  it("is each user's own", async () => {
    const [a, b] = [await signup(), await signup()];
    const secretA = await json(await call("GET", "/v1/account/webhook-secret", { token: a.accessToken }));
    const secretB = await json(await call("GET", "/v1/account/webhook-secret", { token: b.accessToken }));
    expect(secretA.secret).not.toBe(secretB.secret);
  });
});

describe("GET /v1/account/export", () => {
  it("returns everything stored about the user and nothing of anyone else", async () => {
    const user = await signup({ name: "Exporter" });
    const other = await signup();
    await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "mine" } });
    await call("POST", "/v1/api-keys", { token: other.accessToken, body: { name: "theirs" } });
    const response = await call("GET", "/v1/account/export", { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const data = await json(response);
    expect(data.user).toMatchObject({ id: user.id, email: user.email, name: "Exporter" });
    expect(data.credits).toMatchObject({ balance: 500, held: 0 });
    expect(data.credits.ledger).toEqual([expect.objectContaining({ delta: 500, reason: "signup" })]);
    expect(data.apiKeys.map((key: { name: string }) => key.name)).toEqual(["mine"]);
    expect(JSON.stringify(data)).not.toContain("password");
    expect(JSON.stringify(data)).not.toContain(other.id);
  });
});

describe("DELETE /v1/account", () => {
  it("needs the password", async () => {
    const user = await signup();
    await expectError(
      await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: "not my password" } }),
      401,
      "invalid_credentials",
    );
    await expectError(await call("DELETE", "/v1/account", { token: user.accessToken, body: {} }), 400, "invalid_request");
    expect((await call("GET", "/v1/me", { token: user.accessToken })).status).toBe(200);
  });

  it("deletes the user, their keys, sessions, files and credits", async () => {
    const user = await signup();
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "k" } }));
    await env.FILES.put(`users/${user.id}/uploads/upl_x/original`, "a,b\n1,2\n");
    const response = await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } });
    expect(response.status).toBe(204);

    await expectError(await call("GET", "/v1/me", { token: user.accessToken }), 401, "unauthorized");
    await expectError(await call("GET", "/v1/me", { token: key.key }), 401, "unauthorized");
    await expectError(await call("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken }, ip: uniqueIp() }), 401, "unauthorized");
    expect((await env.FILES.list({ prefix: `users/${user.id}/` })).objects).toHaveLength(0);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM api_keys WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    // The email is free again and a new account starts from scratch.
    const again = await signup({ email: user.email });
    const me = await json(await call("GET", "/v1/me", { token: again.accessToken }));
    expect(me.credits).toEqual({ balance: 500, held: 0 });
  });

  it("wipes the user's job rooms, which hold each job's settings", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3));
    const preview = await call("POST", "/v1/jobs", {
      token: user.accessToken,
      body: jobBody(upload.id, await createScenario(), { mode: "preview", previewRows: 2 }),
    });
    expect(preview.status).toBe(200);
    const jobId = (await json(preview)).id;
    expect(await roomFor(env, jobId).read()).not.toBeNull();
    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    expect(await roomFor(env, jobId).read()).toBeNull();
  });

  it("closes the Stripe customer so a deleted user is never charged again", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    const deletions = (await stripeRequests(customer, `/v1/customers/${customer}`)).filter((r) => r.method === "DELETE");
    expect(deletions).toHaveLength(1);
  });

  it("keeps the whole account when Stripe is down, so the deletion can be retried", async () => {
    const user = await signup();
    const customer = await customerFor(user);
    await injectStripeFailure(`/v1/customers/${customer}`, 500, 10);
    const response = await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } });
    expect(response.status).toBe(503);
    expect((await call("GET", "/v1/me", { token: user.accessToken })).status).toBe(200);
  });

  it("cannot be done with an API key", async () => {
    const user = await signup();
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "k" } }));
    await expectError(await call("DELETE", "/v1/account", { token: key.key, body: { password: PASSWORD } }), 403, "forbidden");
  });
});
