import { runDurableObjectAlarm } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../worker/db/client";
import { jobs } from "../../../worker/db/schema";
import { roomFor } from "../../../worker/jobs/keys";
import { newId } from "../../../worker/lib/ids";
import { call, expectError, json, PASSWORD, signup } from "../../helpers";
import { createJobWithoutQueue, createScenario, createUploadFixture, jobBody, prospectRows } from "./fixtures";

describe("a job whose start never reached its room", () => {
  it("is still readable from its row, and every other route answers 409, never 500", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(2), 10);
    const id = newId("job");
    await getDb(env)
      .insert(jobs)
      .values({
        id,
        userId: user.id,
        uploadId: upload.id,
        mode: "full",
        status: "failed",
        mapping: { company: "Company Name" },
        extraColumns: [],
        context: { service: "x" },
        total: 2,
        error: { code: "start_failed", message: "The job could not be started." },
        finishedAt: new Date().toISOString(),
      });
    expect(await json(await call("GET", `/v1/jobs/${id}`, { token: user.accessToken }))).toMatchObject({ id, status: "failed", error: { code: "start_failed" } });
    for (const [method, path] of [
      ["GET", `/v1/jobs/${id}/rows`],
      ["GET", `/v1/jobs/${id}/output`],
      ["POST", `/v1/jobs/${id}/cancel`],
      ["POST", `/v1/jobs/${id}/pause`],
      ["POST", `/v1/jobs/${id}/resume`],
      ["POST", `/v1/jobs/${id}/retry-failed`],
    ] as const) {
      await expectError(await call(method, path, { token: user.accessToken }), 409, "conflict");
    }
    const events = await exports.default.fetch(
      new Request(`http://openline.test/v1/jobs/${id}/events`, { headers: { Upgrade: "websocket", Authorization: `Bearer ${user.accessToken}` } }),
    );
    await expectError(events, 409, "conflict");
  });
});

describe("account deletion", () => {
  it("wipes a running job's room at once, so no alarm is left to run", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    expect(await room.read()).toMatchObject({ id: job.id });
    const deleted = await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } });
    expect(deleted.status).toBe(204);
    expect(await room.read()).toBeNull();
    expect(await room.outputPlan()).toBeNull();
    expect(await runDurableObjectAlarm(room)).toBe(false);
  });

  it("destroy() wipes a room on request", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    await room.destroy();
    expect(await room.read()).toBeNull();
    expect(await runDurableObjectAlarm(room)).toBe(false);
  });
});
