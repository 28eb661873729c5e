import { describe, expect, it } from "vitest";
import type { RouterContextProvider } from "react-router";
import * as webhooks from "../../web/app/routes/account.webhooks";
import { apiError, contextWith, dataOf, fakeApi, formRequest, json, statusOf } from "./helpers";

const APP = "http://localhost:8787";
const call = <T,>(fn: (args: never) => T, request: Request, context: RouterContextProvider) => fn({ request, context, params: {} } as never);
const delivery = {
  id: "whd_1",
  event: "job.succeeded",
  jobId: "job_1",
  urlHost: "crm.acme.example",
  status: "delivered",
  attempts: 2,
  lastResponseCode: 200,
  lastError: null,
  lastAttemptAt: "x",
  nextRetryAt: null,
  createdAt: "x",
};

describe("the webhooks page (account settings)", () => {
  it("lists deliveries through the API, passing the cursor on", async () => {
    const api = fakeApi({ "GET /v1/webhook-deliveries?limit=25&cursor=c~1": json(200, { data: [delivery], nextCursor: null }) });
    const result = await call(webhooks.loader, new Request(`${APP}/account/webhooks?cursor=c~1`), contextWith(api));
    expect(result).toEqual({ deliveries: { data: [delivery], nextCursor: null }, paged: true });
    expect(api.calls[0]!.headers.get("Authorization")).toMatch(/^Bearer /);
  });

  it("sends a test event to the typed URL, or with no URL to the latest delivery's", async () => {
    const api = fakeApi({ "POST /v1/webhook-deliveries/test": json(201, { ...delivery, id: "whd_test_1", event: "webhook.test" }) });
    const typed = await call(webhooks.action, formRequest(`${APP}/account/webhooks`, { intent: "test", url: "https://crm.acme.example/h" }), contextWith(api));
    expect(typed).toMatchObject({ intent: "test", ok: true, delivery: { id: "whd_test_1" } });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ url: "https://crm.acme.example/h" });
    await call(webhooks.action, formRequest(`${APP}/account/webhooks`, { intent: "test", url: "" }), contextWith(api));
    expect(JSON.parse(api.calls[1]!.body)).toEqual({});
  });

  it("redelivers one delivery and shows the API's refusal as it came", async () => {
    const api = fakeApi({
      "POST /v1/webhook-deliveries/whd_1/redeliver": json(200, { ...delivery, attempts: 3 }),
      "POST /v1/webhook-deliveries/whd_gone/redeliver": apiError(404, "not_found", "Webhook delivery not found."),
    });
    expect(await call(webhooks.action, formRequest(`${APP}/account/webhooks`, { intent: "redeliver", id: "whd_1" }), contextWith(api))).toMatchObject({
      ok: true,
      delivery: { attempts: 3 },
    });
    const refused = await call(webhooks.action, formRequest(`${APP}/account/webhooks`, { intent: "redeliver", id: "whd_gone" }), contextWith(api));
    expect(statusOf(refused)).toBe(404);
    expect(dataOf<webhooks.WebhooksActionData>(refused)).toMatchObject({ ok: false, error: { message: "Webhook delivery not found." } });
    const unknown = await call(webhooks.action, formRequest(`${APP}/account/webhooks`, { intent: "bogus" }), contextWith(api));
    expect(statusOf(unknown)).toBe(400);
    expect(api.calls).toHaveLength(2);
  });
});
