import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../../worker/db/client";
import { idempotencyKeys, rateLimits } from "../../../worker/db/schema";
import { call, expectError, json, PASSWORD, signup, uniqueEmail, uniqueIp } from "../../helpers";
import { uploadPrefix, userPrefix } from "../../../worker/storage";
import { originalKeyFor } from "../../../worker/uploads/normalized";
import { createScenario, createUploadFixture, jobBody, prospectRows, startJob, waitForJob } from "../jobs/fixtures";

const db = () => getDb(env);

describe("secrets never sit in the idempotency store (audit item 4)", () => {
  it("an API key's answer is kept as status and id only, and a replay does not show the key again", async () => {
    const user = await signup();
    const headers = { "Idempotency-Key": `key-${crypto.randomUUID()}` };
    const first = await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ci" }, headers });
    expect(first.status).toBe(201);
    const created = await json(first);
    const [stored] = await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, headers["Idempotency-Key"]));
    expect(stored).toMatchObject({ state: "done", statusCode: 201, responseBody: null, resourceId: created.id });
    const replay = await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ci" }, headers });
    const error = await expectError(replay, 409, "conflict");
    expect(error.details).toMatchObject({ status: 201, resourceId: created.id });
    expect(JSON.stringify(error)).not.toContain(created.key);
    // Still exactly one key.
    expect((await json(await call("GET", "/v1/api-keys", { token: user.accessToken }))).data).toHaveLength(1);
  });

  it("a signup's tokens are not kept either", async () => {
    const key = `signup-${crypto.randomUUID()}`;
    const ip = uniqueIp();
    const body = { email: uniqueEmail(), password: PASSWORD };
    const first = await json(await call("POST", "/v1/auth/signup", { body, ip, headers: { "Idempotency-Key": key } }));
    const [stored] = await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored!.responseBody).toBeNull();
    expect(stored!.resourceId).toBe(first.user.id);
    const replay = await call("POST", "/v1/auth/signup", { body, ip, headers: { "Idempotency-Key": key } });
    const error = await expectError(replay, 409, "conflict");
    expect(JSON.stringify(error)).not.toContain(first.refreshToken);
  });
});

describe("account deletion leaves nothing behind (audit items 4 and 10)", () => {
  it("purges the user's idempotency and rate-limit records", async () => {
    const user = await signup();
    const ip = uniqueIp();
    await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "k" }, headers: { "Idempotency-Key": "before-deletion" } });
    await call("POST", "/v1/auth/login", { body: { email: user.email, password: "wrong password!" }, ip });
    const upload = await createUploadFixture(user, prospectRows(2), 10);
    await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, await createScenario(), { mode: "preview", previewRows: 1 }) });
    const mentions = sql`instr(${rateLimits.key}, ${user.id}) > 0 OR instr(${rateLimits.key}, ${user.email}) > 0`;
    expect((await db().select().from(rateLimits).where(mentions)).length).toBeGreaterThanOrEqual(2);
    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    expect(await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.scope, `user:${user.id}`))).toEqual([]);
    expect(await db().select().from(rateLimits).where(mentions)).toEqual([]);
  });

  it("removes the limits keyed by the address (password reset, signup, failed logins), and only that address's", async () => {
    const user = await signup();
    // A longer address that contains the user's: its limits are someone else's and must stay.
    const other = `${user.email}.au`;
    const ip = uniqueIp();
    for (const email of [user.email, other]) {
      expect((await call("POST", "/v1/auth/password-reset", { body: { email }, ip: uniqueIp() })).status).toBe(202);
      await expectError(await call("POST", "/v1/auth/login", { body: { email, password: "wrong password!" }, ip }), 401, "invalid_credentials");
    }
    const keysOf = async (email: string) =>
      (await db().select({ key: rateLimits.key }).from(rateLimits).where(sql`instr(${rateLimits.key}, ${email}) > 0`)).map((row) => row.key).sort();
    const otherKeys = [`login:fail:${other}|${ip}`, `password-reset:email:${other}`];
    expect(await keysOf(other)).toEqual(otherKeys);
    expect(await keysOf(user.email)).toEqual(expect.arrayContaining([`login:fail:${user.email}|${ip}`, `password-reset:email:${user.email}`, `signup:email:${user.email}`]));

    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    const left = await db().select({ key: rateLimits.key, count: rateLimits.count }).from(rateLimits).where(sql`instr(${rateLimits.key}, ${user.email}) > 0`);
    expect(left.map((row) => row.key).sort()).toEqual(otherKeys);
    expect(left.every((row) => row.count === 1)).toBe(true);
  });
});

describe("a chunk running while its account is deleted (audit item 10)", () => {
  it("leaves no result file behind once the LLM answers", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    // Answers in 1 s (under the test Worker's 1.5 s LLM timeout): the chunks write after the deletion.
    const job = await startJob(user, jobBody(upload.id, await createScenario({ latencyMs: 1000 })));
    await waitForJob(user, job.id, (current) => current.status === "running");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await env.FILES.list({ prefix: userPrefix(user.id) })).objects.map((object) => object.key)).toEqual([]);
  });
});

describe("the account export holds the files and the lines (audit item 10)", () => {
  it("includes each upload's file as uploaded and each job's generated lines", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(4), 2);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario()))).id);
    const response = await call("GET", "/v1/account/export", { token: user.accessToken });
    expect(response.status).toBe(200);
    const data = await json(response);
    const [exported] = data.uploads;
    const original = new TextDecoder().decode(Uint8Array.from(atob(exported.original), (c) => c.charCodeAt(0)));
    expect(original).toBe(await (await env.FILES.get(originalKeyFor(uploadPrefix(user.id, upload.id))))!.text());
    expect(original).toContain("Tester3");
    const [exportedJob] = data.jobs;
    expect(exportedJob.id).toBe(job.id);
    const rows = await json(await call("GET", `/v1/jobs/${job.id}/rows`, { token: user.accessToken }));
    expect(exportedJob.lines).toEqual(rows.data.map((row: any) => ({ row: row.row, line: row.line, status: row.status })));
    expect(exportedJob.lines).toHaveLength(4);
  });
});
