import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import type { JobRoom } from "../../../durable-objects/job-room";
import { describe, expect, it } from "vitest";
import { roomFor } from "../../../worker/jobs/keys";
import { assertWebhookUrl, deliverWebhook } from "../../../worker/jobs/webhook";
import { ApiError } from "../../../worker/lib/errors";
import { runMaintenance } from "../../../worker/maintenance";
import { jobPrefix, uploadPrefix } from "../../../worker/storage";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";
import { adminGrant, createScenario, createUploadFixture, hookDeliveries, hookUrl, jobBody, ledgerState, prospectRows, startJob, waitForJob } from "./fixtures";
import { getConfig } from "../../../worker/parse-config";

describe("another user's job is not found, on every job route", () => {
  it("answers 404 and changes nothing", async () => {
    const owner = await signup();
    const stranger = await signup();
    const upload = await createUploadFixture(owner, prospectRows(4), 10);
    const job = await waitForJob(owner, (await startJob(owner, jobBody(upload.id, await createScenario()))).id);
    const routes: Array<[string, string]> = [
      ["GET", `/v1/jobs/${job.id}`],
      ["GET", `/v1/jobs/${job.id}/rows`],
      ["GET", `/v1/jobs/${job.id}/output`],
      ["GET", `/v1/jobs/${job.id}/output?format=xlsx`],
      ["POST", `/v1/jobs/${job.id}/ticket`],
      ["POST", `/v1/jobs/${job.id}/cancel`],
      ["POST", `/v1/jobs/${job.id}/pause`],
      ["POST", `/v1/jobs/${job.id}/resume`],
      ["POST", `/v1/jobs/${job.id}/retry-failed`],
    ];
    for (const [method, path] of routes) {
      const error = await expectError(await call(method, path, { token: stranger.accessToken }), 404, "not_found");
      expect(JSON.stringify(error)).not.toContain(owner.id);
    }
    const events = await exports.default.fetch(
      new Request(`http://openline.test/v1/jobs/${job.id}/events`, { headers: { Upgrade: "websocket", Authorization: `Bearer ${stranger.accessToken}` } }),
    );
    await expectError(events, 404, "not_found");
    const list = await json(await call("GET", "/v1/jobs", { token: stranger.accessToken }));
    expect(list.data.map((item: any) => item.id)).not.toContain(job.id);
    // A job id that exists nowhere looks the same.
    await expectError(await call("GET", "/v1/jobs/job_000000000000nothing", { token: stranger.accessToken }), 404, "not_found");
    expect(await json(await call("GET", `/v1/jobs/${job.id}`, { token: owner.accessToken }))).toMatchObject({ status: "succeeded" });
  });

  it("a ticket for one user's job does not open another user's job", async () => {
    const owner = await signup();
    const stranger = await signup();
    const upload = await createUploadFixture(owner, prospectRows(2), 10);
    const theirs = await createUploadFixture(stranger, prospectRows(2), 10);
    const scenario = await createScenario();
    const ownerJob = await startJob(owner, jobBody(upload.id, scenario));
    const strangerJob = await startJob(stranger, jobBody(theirs.id, scenario));
    const { ticket } = await json(await call("POST", `/v1/jobs/${strangerJob.id}/ticket`, { token: stranger.accessToken }));
    const response = await exports.default.fetch(new Request(`http://openline.test/v1/jobs/${ownerJob.id}/events?ticket=${ticket}`, { headers: { Upgrade: "websocket" } }));
    await expectError(response, 401, "unauthorized");
  });
});

describe("GET /v1/jobs/:id/rows", () => {
  it("pages rows by offset and rejects a bad limit", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(25), 10);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario()))).id);
    const page = await json(await call("GET", `/v1/jobs/${job.id}/rows?offset=8&limit=5`, { token: user.accessToken }));
    expect(page).toMatchObject({ total: 25, offset: 8, limit: 5, nextOffset: 13 });
    expect(page.data.map((row: any) => row.row)).toEqual([9, 10, 11, 12, 13]);
    expect(page.data[0].input["First Name"]).toBe(prospectRows(25)[9]![0]);
    // The room hands the route only the chunks holding the page.
    expect((await roomFor(env, job.id).outputPlan({ first: 9, last: 13 }))!.chunks.map((chunk) => chunk.chunk)).toEqual([0, 1]);
    const last = await json(await call("GET", `/v1/jobs/${job.id}/rows?offset=20&limit=50`, { token: user.accessToken }));
    expect(last.data).toHaveLength(5);
    expect(last.nextOffset).toBeNull();
    const past = await json(await call("GET", `/v1/jobs/${job.id}/rows?offset=100`, { token: user.accessToken }));
    expect(past.data).toEqual([]);
    await expectError(await call("GET", `/v1/jobs/${job.id}/rows?limit=1000`, { token: user.accessToken }), 400, "invalid_request");
    await expectError(await call("GET", `/v1/jobs/${job.id}/rows?offset=-1`, { token: user.accessToken }), 400, "invalid_request");
  });
});

describe("GET /v1/admin/jobs", () => {
  it("lists jobs across users with status and user filters, for admins only", async () => {
    const admin = await signupAdmin();
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario()))).id);

    const mine = await json(await call("GET", `/v1/admin/jobs?userId=${user.id}`, { token: admin.accessToken }));
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0]).toMatchObject({ id: job.id, userId: user.id, userEmail: user.email, status: "succeeded", creditsCharged: 3 });
    const succeeded = await json(await call("GET", `/v1/admin/jobs?status=succeeded&userId=${user.id}`, { token: admin.accessToken }));
    expect(succeeded.data.map((item: any) => item.id)).toEqual([job.id]);
    const running = await json(await call("GET", `/v1/admin/jobs?status=running&userId=${user.id}`, { token: admin.accessToken }));
    expect(running.data).toEqual([]);

    await expectError(await call("GET", "/v1/admin/jobs", { token: user.accessToken }), 403, "forbidden");
    await expectError(await call("GET", "/v1/admin/jobs"), 401, "unauthorized");
    await expectError(await call("GET", "/v1/admin/jobs?status=exploded", { token: admin.accessToken }), 400, "invalid_request");
  });
});

describe("previews are not a free product (audit item 5)", () => {
  it("caps preview rows per account per day", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    const scenario = await createScenario();
    const preview = (rows: number) =>
      call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario, { mode: "preview", previewRows: rows }) });
    // The test Worker allows 100 rows a day: five previews of 20.
    for (let i = 0; i < 5; i++) expect((await preview(20)).status).toBe(200);
    const refused = await expectError(await preview(1), 429, "rate_limited");
    expect(refused.details).toMatchObject({ limit: 100, windowSeconds: 86_400 });
    // Another account is not affected.
    const other = await signup();
    const theirs = await createUploadFixture(other, prospectRows(2), 10);
    expect((await call("POST", "/v1/jobs", { token: other.accessToken, body: jobBody(theirs.id, scenario, { mode: "preview", previewRows: 2 }) })).status).toBe(200);
  });

  it("has no output download: its lines come inline", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const preview = await json(
      await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, await createScenario(), { mode: "preview", previewRows: 2 }) }),
    );
    expect(preview.results).toHaveLength(2);
    await expectError(await call("GET", `/v1/jobs/${preview.id}/output`, { token: user.accessToken }), 409, "conflict");
    await expectError(await call("GET", `/v1/jobs/${preview.id}/output?format=xlsx`, { token: user.accessToken }), 409, "conflict");
  });
});

/** How many of the job's chunks have had their message sent to the queue. */
const sentChunks = (jobId: string) =>
  runInDurableObject(roomFor(env, jobId), (_room: JobRoom, state) =>
    state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM chunks WHERE enqueued_at IS NOT NULL").one().n,
  );

describe("full jobs (audit item 7)", () => {
  it("refuses a maxCredits job with no balance (402) and holds nothing", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, -500);
    const upload = await createUploadFixture(user, prospectRows(30), 10);
    const response = await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, await createScenario(), { maxCredits: 1000 }) });
    const error = await expectError(response, 402, "insufficient_credits");
    expect(error.details).toMatchObject({ rowCount: 30, balance: 0 });
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits).toEqual({ balance: 0, held: 0 });
    const jobs = await json(await call("GET", "/v1/jobs", { token: user.accessToken }));
    expect(jobs.data.filter((job: any) => job.status !== "failed")).toEqual([]);
  });

  it("sends no more chunks than the job's credits pay for, and the rest once a grant arrives", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, -494);
    // 10 chunks of 3 rows; the balance (6) pays for 2 of them.
    const upload = await createUploadFixture(user, prospectRows(30), 3);
    const started = await startJob(user, jobBody(upload.id, await createScenario(), { maxCredits: 1000 }));
    expect(started.creditsHeld).toBe(6);
    expect(await sentChunks(started.id)).toBeLessThanOrEqual(2);
    const paused = await waitForJob(user, started.id, (job) => job.status === "paused" && job.pauseReason === "budget" && job.creditsHeld === 0);
    expect(paused).toMatchObject({ processed: 6, succeeded: 6, creditsCharged: 6 });
    expect(await sentChunks(started.id)).toBe(2);

    await adminGrant(admin, user.id, 100);
    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30, creditsHeld: 0 });
    expect(await sentChunks(started.id)).toBe(10);
    expect((await ledgerState(user.id, job.id)).audit).toMatchObject({ balance: 76, held: 0 });
  });

  it("rate-limits full-job creation per user", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(1), 10);
    const scenario = await createScenario();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) })).status);
    expect(statuses.slice(0, 30).every((status) => status === 202)).toBe(true);
    const limited = await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) });
    await expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("webhook URLs never reach private networks (audit item 6)", () => {
  // The test Worker allows local targets (its fake receivers listen on 127.0.0.1); production does not.
  const production = { ...env, ALLOW_LOCAL_WEBHOOKS: "false" } as Env;
  const refused = [
    "http://127.0.0.1/hook",
    "http://2130706433/hook",
    "http://0x7f.1/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.9/hook",
    "http://192.168.1.1/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://localhost/hook",
    "http://api.localhost/hook",
    "http://metadata.google.internal/hook",
    "http://intranet/hook",
    "https://user:pass@crm.example/hook",
    "https://crm.example:8443/hook",
  ];

  it("refuses loopback, private, link-local and CGNAT literals, local names, credentials and other ports", () => {
    for (const url of refused) expect(() => assertWebhookUrl(getConfig(production), url), url).toThrow(ApiError);
    for (const url of ["https://crm.example/hooks/openline?token=abc", "http://hooks.example.com:80/x", "https://crm.example:443/x"]) {
      expect(() => assertWebhookUrl(getConfig(production), url), url).not.toThrow();
    }
    expect(() => assertWebhookUrl(getConfig(env), "http://127.0.0.1:9999/hook")).not.toThrow();
    const error = (() => {
      try {
        assertWebhookUrl(getConfig(production), "http://10.0.0.1/x");
      } catch (thrown) {
        return (thrown as ApiError).toBody().error;
      }
    })();
    expect(error).toMatchObject({ code: "invalid_request", details: { issues: [{ path: "webhookUrl", code: "ip_literal" }] } });
  });

  it("does not deliver to such a target, and gives up on it at once", async () => {
    const user = await signup();
    const message = {
      type: "webhook" as const,
      jobId: "job_x",
      userId: user.id,
      deliveryId: "whd_x",
      event: "job.succeeded" as const,
      url: hookUrl("never-private"),
      data: {} as never,
      createdAt: new Date().toISOString(),
    };
    expect(await deliverWebhook(production, getConfig(production), message)).toMatchObject({ delivered: false, final: true });
    expect(await hookDeliveries("never-private")).toEqual([]);
  });

});

describe("retention (audit item 15)", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const backdate = async (jobId: string, uploadId: string, days: number) => {
    const at = new Date(Date.now() - days * DAY).toISOString();
    await env.DB.batch([
      env.DB.prepare("UPDATE jobs SET created_at = ? WHERE id = ?").bind(at, jobId),
      env.DB.prepare("UPDATE uploads SET created_at = ? WHERE id = ?").bind(at, uploadId),
    ]);
  };
  const filesUnder = async (prefix: string) => (await env.FILES.list({ prefix })).objects.length;

  it("deletes files past RETENTION_DAYS in the hourly maintenance; rows, output and row curation then answer 410, the job and ledger stay", async () => {
    const user = await signup();
    const scenario = await createScenario();
    const oldUpload = await createUploadFixture(user, prospectRows(3), 10);
    const oldJob = await waitForJob(user, (await startJob(user, jobBody(oldUpload.id, scenario))).id);
    const freshUpload = await createUploadFixture(user, prospectRows(3), 10);
    const freshJob = await waitForJob(user, (await startJob(user, jobBody(freshUpload.id, scenario))).id);
    expect(await filesUnder(jobPrefix(user.id, oldJob.id))).toBeGreaterThan(0);
    const before = await json(await call("GET", `/v1/jobs/${oldJob.id}`, { token: user.accessToken }));
    expect(Date.parse(before.filesExpireAt) - Date.parse(before.createdAt)).toBe(90 * DAY);
    await backdate(oldJob.id, oldUpload.id, 91);

    const removed = await runMaintenance(env, getConfig(env));
    expect(removed).toMatchObject({ jobFiles: 1, uploadFiles: 1 });
    expect(await filesUnder(jobPrefix(user.id, oldJob.id))).toBe(0);
    expect(await filesUnder(uploadPrefix(user.id, oldUpload.id))).toBe(0);
    for (const path of [`/v1/jobs/${oldJob.id}/rows`, `/v1/jobs/${oldJob.id}/output`, `/v1/jobs/${oldJob.id}/output?format=xlsx`]) {
      const error = await expectError(await call("GET", path, { token: user.accessToken }), 410, "gone");
      expect(error.details.filesDeletedAt).toEqual(expect.any(String));
    }
    // Curation of its rows is gone too, and changes (and charges) nothing.
    const curation: Array<[string, string, object | undefined]> = [
      ["PATCH", `/v1/jobs/${oldJob.id}/rows/1`, { line: "My own line." }],
      ["PATCH", `/v1/jobs/${oldJob.id}/rows/2`, { review: "approved" }],
      ["POST", `/v1/jobs/${oldJob.id}/rows/1/regenerate`, undefined],
    ];
    for (const [method, path, body] of curation) {
      const error = await expectError(await call(method, path, { token: user.accessToken, body }), 410, "gone");
      expect(error.details.filesDeletedAt).toEqual(expect.any(String));
    }
    expect(await filesUnder(jobPrefix(user.id, oldJob.id))).toBe(0);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM row_overrides WHERE job_id = ?").bind(oldJob.id).first("n")).toBe(0);
    const kept = await json(await call("GET", `/v1/jobs/${oldJob.id}`, { token: user.accessToken }));
    expect(kept).toMatchObject({ status: "succeeded", succeeded: 3, creditsCharged: 3, filesDeletedAt: expect.any(String) });
    expect((await ledgerState(user.id, oldJob.id)).charged).toBe(3);
    // The fresh job is untouched, and a second run finds nothing more.
    expect((await call("GET", `/v1/jobs/${freshJob.id}/output`, { token: user.accessToken })).status).toBe(200);
    expect(await runMaintenance(env, getConfig(env))).toMatchObject({ jobFiles: 0, uploadFiles: 0 });
  });

  it("a user may choose fewer days, never more; the job page's filesExpireAt follows", async () => {
    const user = await signup();
    expect(await json(await call("GET", "/v1/account/retention", { token: user.accessToken }))).toEqual({ days: 90, maxDays: 90 });
    await expectError(await call("PATCH", "/v1/account/retention", { token: user.accessToken, body: { days: 91 } }), 400, "invalid_request");
    await expectError(await call("PATCH", "/v1/account/retention", { token: user.accessToken, body: { days: 0 } }), 400, "invalid_request");
    expect(await json(await call("PATCH", "/v1/account/retention", { token: user.accessToken, body: { days: 7 } }))).toEqual({ days: 7, maxDays: 90 });
    const upload = await createUploadFixture(user, prospectRows(2), 10);
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, await createScenario()))).id);
    const page = await json(await call("GET", `/v1/jobs/${job.id}`, { token: user.accessToken }));
    expect(Date.parse(page.filesExpireAt) - Date.parse(page.createdAt)).toBe(7 * DAY);
    await backdate(job.id, upload.id, 8);
    await runMaintenance(env, getConfig(env));
    await expectError(await call("GET", `/v1/jobs/${job.id}/rows`, { token: user.accessToken }), 410, "gone");
  });
});
