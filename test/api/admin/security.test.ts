import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";

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
