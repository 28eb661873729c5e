import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hmacSha256Hex } from "../../../worker/lib/crypto";
import { recordAttempt } from "../../../worker/jobs/webhook-deliveries";
import type { WebhookMessage } from "../../../worker/jobs/types";
import { runMaintenance } from "../../../worker/maintenance";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import { callWithConfig } from "../billing/stripe-helpers";
import { deliver } from "../jobs/deliver";
import { createScenario, createUploadFixture, hookDeliveries, hookUrl, jobBody, prospectRows, setHookStatuses, startJob, waitForJob } from "../jobs/fixtures";
import { getConfig } from "../../../worker/parse-config";

async function secretOf(user: TestUser): Promise<string> {
  return (await json(await call("GET", "/v1/account/webhook-secret", { token: user.accessToken }))).secret;
}

/** The signature's timestamp when it verifies with `secret`; throws otherwise. */
async function verifiedTimestamp(delivery: { headers: Record<string, string>; body: string }, secret: string): Promise<number> {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.headers["openline-signature"] ?? "");
  if (!match) throw new Error(`no signature: ${delivery.headers["openline-signature"]}`);
  expect(match[2]).toBe(await hmacSha256Hex(secret, `${match[1]}.${delivery.body}`));
  return Number(match[1]);
}

async function deliveries(user: TestUser, query = "") {
  const response = await call("GET", `/v1/webhook-deliveries${query}`, { token: user.accessToken });
  expect(response.status).toBe(200);
  return json<{ data: any[]; nextCursor: string | null }>(response);
}

function message(user: TestUser, name: string, deliveryId = `whd_test_${crypto.randomUUID().slice(0, 8)}_1`): WebhookMessage {
  return {
    type: "webhook",
    jobId: "job_webhooktest",
    userId: user.id,
    deliveryId,
    event: "job.failed",
    url: `${hookUrl(name)}?token=do-not-show`,
    data: { id: "job_webhooktest", status: "failed" } as WebhookMessage["data"],
    createdAt: new Date().toISOString(),
  };
}

describe("webhook deliveries", () => {
  it("records a job's delivery: event, URL host (never the whole URL), status, attempts, last answer", async () => {
    const user = await signup();
    const name = `rec-${crypto.randomUUID()}`;
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario(), { webhookUrl: `${hookUrl(name)}?secret=x` }))).id);
    const deadline = Date.now() + 15_000;
    let page = await deliveries(user);
    while (page.data.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await deliveries(user);
    }
    const [sent] = await hookDeliveries(name);
    expect(page.data).toEqual([
      expect.objectContaining({
        id: sent!.headers["openline-delivery"],
        event: "job.succeeded",
        jobId: job.id,
        urlHost: new URL(hookUrl(name)).host,
        status: "delivered",
        attempts: 1,
        lastResponseCode: 200,
        nextRetryAt: null,
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain("secret=x");
  });

  it("shows retries with the next attempt's time, then delivered; the dead-letter queue marks a given-up one failed", async () => {
    const user = await signup();
    const name = `retry-${crypto.randomUUID()}`;
    await setHookStatuses(name, [503, 200]);
    const flaky = message(user, name);
    const before = Date.now();
    await deliver([flaky], { ids: ["r1"] });
    let [row] = (await deliveries(user)).data;
    expect(row).toMatchObject({ id: flaky.deliveryId, status: "retrying", attempts: 1, lastResponseCode: 503, lastError: "answered 503" });
    expect(Date.parse(row.nextRetryAt) - before).toBeGreaterThanOrEqual(9_000);
    await deliver([flaky], { ids: ["r1"], attempts: 2 });
    [row] = (await deliveries(user)).data;
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastResponseCode: 200, lastError: null, nextRetryAt: null });

    const doomedName = `doomed-${crypto.randomUUID()}`;
    await setHookStatuses(doomedName, [500]);
    const doomed = message(user, doomedName);
    await deliver([doomed], { ids: ["d1"], attempts: 6 });
    await deliver([doomed], { queue: "openline-jobs-dlq", ids: ["d1"] });
    const given = (await deliveries(user)).data.find((d) => d.id === doomed.deliveryId);
    expect(given).toMatchObject({ status: "failed", attempts: 1, lastResponseCode: 500, nextRetryAt: null });
  });

  it("redelivers with the same Openline-Delivery id and body, signed again (fresh timestamp, current secret)", async () => {
    const user = await signup();
    const name = `again-${crypto.randomUUID()}`;
    await setHookStatuses(name, [500]);
    const original = message(user, name);
    await deliver([original], { ids: ["a1"] });
    const oldSecret = await secretOf(user);
    const [first] = await hookDeliveries(name);
    const firstTimestamp = await verifiedTimestamp(first!, oldSecret);

    const rotated = await json(await call("POST", "/v1/account/webhook-secret", { token: user.accessToken }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await call("POST", `/v1/webhook-deliveries/${original.deliveryId}/redeliver`, { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: original.deliveryId, status: "delivered", attempts: 2, lastResponseCode: 200 });
    const [, second] = await hookDeliveries(name);
    expect(second!.headers["openline-delivery"]).toBe(original.deliveryId);
    expect(second!.body).toBe(first!.body);
    expect(await verifiedTimestamp(second!, rotated.secret)).toBeGreaterThan(firstTimestamp);
    await expect(verifiedTimestamp(second!, oldSecret)).rejects.toThrow();
    expect(response.headers.get("RateLimit-Policy")).toContain('"webhook-send:user"');
  });

  it("sends a signed test event to a given URL, or to the latest delivery's URL", async () => {
    const user = await signup();
    await expectError(await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: {} }), 400, "invalid_request");
    await expectError(await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: { url: "ftp://crm.example/x" } }), 400, "invalid_request");
    const name = `test-${crypto.randomUUID()}`;
    const response = await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: { url: hookUrl(name) } });
    expect(response.status).toBe(201);
    const created = await json(response);
    expect(created).toMatchObject({ event: "webhook.test", jobId: null, status: "delivered", attempts: 1, lastResponseCode: 200 });
    const again = await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: {} });
    expect(again.status).toBe(201);
    const sent = await hookDeliveries(name);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers["openline-delivery"]).toBe(created.id);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ id: created.id, type: "webhook.test" });
    await verifiedTimestamp(sent[0]!, await secretOf(user));
    // Stored about the user, so in their export.
    const exported = await json(await call("GET", "/v1/account/export", { token: user.accessToken }));
    expect(exported.webhookDeliveries.map((d: { id: string }) => d.id).sort()).toEqual(sent.map((d) => d.headers["openline-delivery"]).sort());
  });

  it("refuses a test event or a redelivery to a private address: 400, nothing sent or recorded", async () => {
    // The test Worker allows local receivers; production (ALLOW_LOCAL_WEBHOOKS off) must not call them.
    const production = { ALLOW_LOCAL_WEBHOOKS: "false" };
    const user = await signup();
    for (const url of ["http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://localhost/hook"]) {
      const refused = await callWithConfig(production, "POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: { url } });
      const error = await expectError(refused, 400, "invalid_request");
      expect(error.details).toMatchObject({ issues: [{ path: "url" }] });
    }
    expect((await deliveries(user)).data).toEqual([]);

    const name = `private-${crypto.randomUUID()}`;
    const sent = await json(await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: { url: hookUrl(name) } }));
    const redelivered = await callWithConfig(production, "POST", `/v1/webhook-deliveries/${sent.id}/redeliver`, { token: user.accessToken });
    await expectError(redelivered, 400, "invalid_request");
    expect(await hookDeliveries(name)).toHaveLength(1);
    expect((await deliveries(user)).data).toMatchObject([{ id: sent.id, attempts: 1 }]);
  });

  it("a failing test event is recorded as failed with the receiver's answer (no retries for a send by hand)", async () => {
    const user = await signup();
    const name = `down-${crypto.randomUUID()}`;
    await setHookStatuses(name, [502]);
    const created = await json(await call("POST", "/v1/webhook-deliveries/test", { token: user.accessToken, body: { url: hookUrl(name) } }));
    expect(created).toMatchObject({ status: "failed", lastResponseCode: 502, nextRetryAt: null });
  });

  it("pages newest first with a cursor, and refuses a bad limit", async () => {
    const user = await signup();
    const name = `page-${crypto.randomUUID()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const m = message(user, name, `whd_page${i}_${crypto.randomUUID().slice(0, 8)}`);
      await recordAttempt(env, { id: m.deliveryId, userId: user.id, jobId: null, event: m.event, url: m.url, body: "{}" }, { delivered: true, status: 200 }, null, new Date(Date.now() - (3 - i) * 1000));
      ids.push(m.deliveryId);
    }
    const first = await deliveries(user, "?limit=2");
    expect(first.data.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = await deliveries(user, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.data.map((d) => d.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    await expectError(await call("GET", "/v1/webhook-deliveries?limit=0", { token: user.accessToken }), 400, "invalid_request");
  });

  it("another user gets 404 for a delivery, and sees none in their list; no token is 401", async () => {
    const owner = await signup();
    const other = await signup();
    const m = message(owner, `own-${crypto.randomUUID()}`);
    await deliver([m], { ids: ["o1"] });
    const own = await call("GET", `/v1/webhook-deliveries/${m.deliveryId}`, { token: owner.accessToken });
    expect(await json(own)).toMatchObject({ id: m.deliveryId, urlHost: new URL(hookUrl("x")).host });
    await expectError(await call("GET", `/v1/webhook-deliveries/${m.deliveryId}`, { token: other.accessToken }), 404, "not_found");
    await expectError(await call("POST", `/v1/webhook-deliveries/${m.deliveryId}/redeliver`, { token: other.accessToken }), 404, "not_found");
    expect((await deliveries(other)).data).toEqual([]);
    await expectError(await call("GET", "/v1/webhook-deliveries"), 401, "unauthorized");
  });

  it("are deleted by the hourly maintenance after 30 days", async () => {
    const user = await signup();
    const subject = (id: string) => ({ id, userId: user.id, jobId: null, event: "job.succeeded", url: hookUrl("old"), body: "{}" });
    const old = `whd_old_${crypto.randomUUID().slice(0, 8)}`;
    const recent = `whd_recent_${crypto.randomUUID().slice(0, 8)}`;
    await recordAttempt(env, subject(old), { delivered: true, status: 200 }, null, new Date(Date.now() - 31 * 24 * 3600 * 1000));
    await recordAttempt(env, subject(recent), { delivered: true, status: 200 }, null, new Date(Date.now() - 29 * 24 * 3600 * 1000));
    const removed = await runMaintenance(env, getConfig(env));
    expect(removed.webhookDeliveries).toBeGreaterThanOrEqual(1);
    expect((await deliveries(user)).data.map((d) => d.id)).toEqual([recent]);
  });
});
