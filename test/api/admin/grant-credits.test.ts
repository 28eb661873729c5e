import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";

const grant = (token: string, userId: string, body: object, key?: string) =>
  call("POST", `/v1/admin/users/${userId}/credits`, {
    token,
    body,
    headers: key ? { "Idempotency-Key": key } : {},
  });

describe("POST /v1/admin/users/:id/credits — happy", () => {
  it("grants credits with a reason, visible in the user's ledger", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    const response = await grant(admin.accessToken, user.id, { delta: 250, reason: "Concierge onboarding" });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toMatchObject({ balance: 750, held: 0, entry: { delta: 250, reason: "admin", note: "Concierge onboarding" } });

    const credits = await json(await call("GET", "/v1/credits", { token: user.accessToken }));
    expect(credits.balance).toBe(750);
    expect(credits.ledger.data.map((entry: { delta: number; reason: string }) => [entry.delta, entry.reason])).toEqual([
      [250, "admin"],
      [500, "signup"],
    ]);
  });

  it("reaches the ledger exactly once when retried with the same key, even concurrently", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    const key = `grant-${user.id}`;
    const first = await grant(admin.accessToken, user.id, { delta: 100, reason: "retry test" }, key);
    const replay = await grant(admin.accessToken, user.id, { delta: 100, reason: "retry test" }, key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await json(replay)).entry.id).toBe((await json(first)).entry.id);

    const concurrentKey = `${key}-concurrent`;
    const statuses = (
      await Promise.all(Array.from({ length: 5 }, () => grant(admin.accessToken, user.id, { delta: 7, reason: "race" }, concurrentKey)))
    ).map((response) => response.status);
    expect(statuses).toContain(201);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits.balance).toBe(500 + 100 + 7);
  });

  it("removes credits but never below zero", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    expect((await json(await grant(admin.accessToken, user.id, { delta: -200, reason: "correction" }))).balance).toBe(300);
    const error = await expectError(await grant(admin.accessToken, user.id, { delta: -301, reason: "too much" }), 402, "insufficient_credits");
    expect(error.details).toMatchObject({ balance: 300 });
  });

  it("lists users with plan and balance", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    const list = await json(await call("GET", `/v1/admin/users?email=${encodeURIComponent(user.email)}`, { token: admin.accessToken }));
    expect(list.data).toEqual([expect.objectContaining({ id: user.id, plan: "free", credits: { balance: 500, held: 0 } })]);
  });

  it("searches emails by any part, however long, with % and _ taken literally", async () => {
    const admin = await signupAdmin();
    const long = await signup({ email: `a.very.long.mailbox.name.for.searching_${crypto.randomUUID()}@example-company.test` });
    const search = (part: string) => call("GET", `/v1/admin/users?email=${encodeURIComponent(part)}`, { token: admin.accessToken }).then(json);
    expect(long.email.length).toBeGreaterThan(50);
    expect((await search(long.email.toUpperCase())).data.map((user: { id: string }) => user.id)).toEqual([long.id]);
    expect((await search(long.email.slice(10))).data.map((user: { id: string }) => user.id)).toEqual([long.id]);
    expect((await search("%")).data).toEqual([]);
    expect((await search(long.email.replace("_", "%"))).data).toEqual([]);
  });
});

describe("POST /v1/admin/users/:id/credits — errors", () => {
  it("rejects a zero or non-integer delta, a missing reason and an unknown user", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    await expectError(await grant(admin.accessToken, user.id, { delta: 0, reason: "nothing" }), 400, "invalid_request");
    await expectError(await grant(admin.accessToken, user.id, { delta: 1.5, reason: "half" }), 400, "invalid_request");
    await expectError(await grant(admin.accessToken, user.id, { delta: 10 }), 400, "invalid_request");
    await expectError(await grant(admin.accessToken, "usr_nobody", { delta: 10, reason: "ghost" }), 404, "not_found");
  });

  it("answers 409 when an Idempotency-Key is reused with a different body", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    await grant(admin.accessToken, user.id, { delta: 10, reason: "first" }, `k-${user.id}`);
    await expectError(await grant(admin.accessToken, user.id, { delta: 99, reason: "second" }, `k-${user.id}`), 409, "conflict");
  });
});

describe("admin — security", () => {
  it("is forbidden to non-admins", async () => {
    const user = await signup();
    await expectError(await grant(user.accessToken, user.id, { delta: 1000, reason: "free money" }), 403, "forbidden");
    await expectError(await call("GET", "/v1/admin/users", { token: user.accessToken }), 403, "forbidden");
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits.balance).toBe(500);
  });

  it("makes ADMIN_EMAILS users admins", async () => {
    const admin = await signupAdmin();
    expect((await json(await call("GET", "/v1/me", { token: admin.accessToken }))).role).toBe("admin");
  });
});
