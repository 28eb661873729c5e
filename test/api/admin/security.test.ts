import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../worker/index";
import { call, expectError, json, PASSWORD, signup, signupAdmin, uniqueEmail, uniqueIp, verifyEmail } from "../../helpers";

/**
 * Audit finding 1 (issue #18): admin rights follow a verified address listed in ADMIN_EMAILS only,
 * checked on every request. Each test lists its own fresh address as ADMIN_EMAILS (an env of its own:
 * the config is parsed per env object), so no other test's admin is touched.
 */
async function asConfiguredAdmin(adminEmail: string, method: string, path: string, token: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ Authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set("Content-Type", "application/json");
  const ctx = createExecutionContext();
  const request = new Request(`http://openline.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await worker.fetch(request, { ...env, ADMIN_EMAILS: adminEmail } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("admin routes — security", () => {
  it("gives an account with an ADMIN_EMAILS address no admin rights until the address is verified", async () => {
    const address = uniqueEmail("squatter");
    const squatter = await signup({ email: address, verified: false });
    await expectError(await asConfiguredAdmin(address, "GET", "/v1/admin/users", squatter.accessToken), 403, "forbidden");
    await expectError(
      await asConfiguredAdmin(address, "POST", `/v1/admin/users/${squatter.id}/credits`, squatter.accessToken, { delta: 1000, reason: "self" }),
      403,
      "forbidden",
    );
    const me = await json(await asConfiguredAdmin(address, "GET", "/v1/me", squatter.accessToken));
    expect(me).toMatchObject({ role: "user", emailVerified: false, credits: { balance: 0 } });

    await verifyEmail(address);
    expect((await asConfiguredAdmin(address, "GET", "/v1/admin/users", squatter.accessToken)).status).toBe(200);
  });

  it("re-checks on every request: the same token loses admin the moment the address is no longer verified", async () => {
    const address = uniqueEmail("admin");
    const admin = await signup({ email: address });
    expect((await asConfiguredAdmin(address, "GET", "/v1/admin/users", admin.accessToken)).status).toBe(200);
    await env.DB.prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").bind(admin.id).run();
    await expectError(await asConfiguredAdmin(address, "GET", "/v1/admin/users", admin.accessToken), 403, "forbidden");
  });

  it("does not keep admin after the address changes to one not in ADMIN_EMAILS", async () => {
    const address = uniqueEmail("admin");
    const admin = await signup({ email: address });
    const moved = uniqueEmail("moved");
    expect((await call("POST", "/v1/account/email", { token: admin.accessToken, body: { email: moved, password: PASSWORD }, ip: uniqueIp() })).status).toBe(202);
    expect((await asConfiguredAdmin(address, "GET", "/v1/admin/users", admin.accessToken)).status).toBe(200);
    await verifyEmail(moved);
    await expectError(await asConfiguredAdmin(address, "GET", "/v1/admin/users", admin.accessToken), 403, "forbidden");
  });
});

describe("admin routes take a session, never an API key (audit item 2)", () => {
  it("an admin's API key, even with every scope, is refused on every admin route", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    const created = await json(await call("POST", "/v1/api-keys", { token: admin.accessToken, body: { name: "leaked" } }));
    const key = created.key as string;
    await expectError(await call("GET", "/v1/admin/users", { token: key }), 403, "forbidden");
    await expectError(await call("GET", "/v1/admin/jobs", { token: key }), 403, "forbidden");
    await expectError(
      await call("POST", `/v1/admin/users/${user.id}/credits`, { token: key, body: { delta: 1_000_000, reason: "leaked key" } }),
      403,
      "forbidden",
    );
    expect((await json(await call("GET", "/v1/credits", { token: user.accessToken }))).balance).toBe(500);
    // The same admin with a session still gets in.
    expect((await call("GET", "/v1/admin/users", { token: admin.accessToken })).status).toBe(200);
  });
});
