import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hmacSha256Hex } from "../../../worker/lib/crypto";
import type { WebhookMessage } from "../../../worker/jobs/types";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import { deliver } from "./deliver";
import { createScenario, createUploadFixture, hookDeliveries, hookUrl, jobBody, prospectRows, setHookStatuses, startJob, waitForJob } from "./fixtures";

async function secretOf(user: TestUser): Promise<string> {
  return (await json(await call("GET", "/v1/account/webhook-secret", { token: user.accessToken }))).secret;
}

async function waitForDeliveries(name: string, count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const deliveries = await hookDeliveries(name);
    if (deliveries.length >= count) return deliveries;
    if (Date.now() > deadline) throw new Error(`${deliveries.length} deliveries to ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function verify(delivery: { headers: Record<string, string>; body: string }, secret: string) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.headers["openline-signature"]!);
  expect(match).not.toBeNull();
  expect(Math.abs(Date.now() / 1000 - Number(match![1]))).toBeLessThan(120);
  expect(match![2]).toBe(await hmacSha256Hex(secret, `${match![1]}.${delivery.body}`));
}

describe("outbound webhooks", () => {
  it("POSTs a signed job.succeeded with the job when the job ends", async () => {
    const user = await signup();
    const name = `ok-${crypto.randomUUID()}`;
    const upload = await createUploadFixture(user, prospectRows(6), 10);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario(), { webhookUrl: hookUrl(name) }))).id);
    const [delivery] = await waitForDeliveries(name, 1);
    expect(delivery!.headers["content-type"]).toContain("application/json");
    await verify(delivery!, await secretOf(user));
    const body = JSON.parse(delivery!.body);
    expect(body).toMatchObject({ type: "job.succeeded", data: { id: job.id, status: "succeeded", succeeded: 6, creditsCharged: 6 } });
    // A tampered body does not verify.
    await expect(verify({ ...delivery!, body: delivery!.body.replace('"succeeded":6', '"succeeded":7') }, await secretOf(user))).rejects.toThrow();
  });

  it("sends job.paused when a budget runs out", async () => {
    const user = await signup();
    const name = `paused-${crypto.randomUUID()}`;
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    await startJob(user, jobBody(upload.id, await createScenario(), { maxCredits: 5, webhookUrl: hookUrl(name) }));
    const [delivery] = await waitForDeliveries(name, 1);
    await verify(delivery!, await secretOf(user));
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: "job.paused", data: { status: "paused", pauseReason: "budget" } });
  });

  it("is retried with backoff until the receiver answers 2xx", async () => {
    const user = await signup();
    const name = `flaky-${crypto.randomUUID()}`;
    await setHookStatuses(name, [500, 503]);
    const message: WebhookMessage = {
      type: "webhook",
      jobId: "job_webhooktest",
      userId: user.id,
      deliveryId: "whd_test_1",
      event: "job.succeeded",
      url: hookUrl(name),
      data: { id: "job_webhooktest" } as WebhookMessage["data"],
      createdAt: new Date().toISOString(),
    };
    const first = await deliver([message], { ids: ["w1"] });
    expect(first.retryMessages).toEqual([{ msgId: "w1", delaySeconds: 10 }]);
    const second = await deliver([message], { ids: ["w1"], attempts: 2 });
    expect(second.retryMessages).toEqual([{ msgId: "w1", delaySeconds: 40 }]);
    const third = await deliver([message], { ids: ["w1"], attempts: 3 });
    expect(third.explicitAcks).toEqual(["w1"]);
    const deliveries = await hookDeliveries(name);
    expect(deliveries.map((d) => d.status)).toEqual([500, 503, 200]);
    expect(new Set(deliveries.map((d) => d.headers["openline-delivery"]))).toEqual(new Set(["whd_test_1"]));
    for (const delivery of deliveries) await verify(delivery, await secretOf(user));
  });

  it("a delivery that fails before sending (D1 down) is retried on its own, not thrown at the batch", async () => {
    const user = await signup();
    const message: WebhookMessage = {
      type: "webhook",
      jobId: "job_webhooktest",
      userId: user.id,
      deliveryId: "whd_test_2",
      event: "job.succeeded",
      url: hookUrl(`unused-${crypto.randomUUID()}`),
      data: { id: "job_webhooktest" } as WebhookMessage["data"],
      createdAt: new Date().toISOString(),
    };
    const brokenDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") return () => { throw new Error("D1 is unavailable"); };
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const result = await deliver([message, { type: "ping" }], { ids: ["w2", "p1"], env: { ...env, DB: brokenDb } });
    expect(result.retryMessages).toEqual([{ msgId: "w2", delaySeconds: 10 }]);
    expect(result.explicitAcks).toEqual(["p1"]);
  });

  it("refuses a webhookUrl that is not http(s)", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(2), 10);
    const response = await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, "", { webhookUrl: "ftp://crm.example/hook" }) });
    await expectError(response, 400, "invalid_request");
  });
});
