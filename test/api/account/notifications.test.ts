import { describe, expect, it } from "vitest";
import { emailsTo, linkIn, waitForEmail, type SentEmail } from "../../email";
import { call, expectError, json, signup, signupAdmin, uniqueIp } from "../../helpers";
import { deliver } from "../jobs/deliver";
import { adminGrant, chunkMessage, createJobWithoutQueue, createScenario, createUploadFixture, jobBody, prospectRows, sleep, startJob, waitForJob } from "../jobs/fixtures";

const settings = async (token: string) => json(await call("GET", "/v1/account/notifications", { token }));
const unsubscribe = (token: string) =>
  call("POST", `/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { raw: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" }, ip: uniqueIp() });

/** The one-click link of a notification: the List-Unsubscribe header names the API endpoint, the body the web page. */
function unsubscribeToken(email: SentEmail): string {
  expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const header = /^<(.+)>$/.exec(email.headers?.["List-Unsubscribe"] ?? "")?.[1];
  expect(header).toBeDefined();
  const oneClick = new URL(header!);
  expect(`${oneClick.origin}${oneClick.pathname}`).toBe("http://localhost:8787/v1/notifications/unsubscribe");
  const page = linkIn(email, "/unsubscribe");
  expect(page.searchParams.get("token")).toBe(oneClick.searchParams.get("token"));
  return page.searchParams.get("token")!;
}

async function runJob(user: Awaited<ReturnType<typeof signup>>, rows: number, extra: Record<string, unknown> = {}) {
  const upload = await createUploadFixture(user, prospectRows(rows), 10);
  const job = await startJob(user, jobBody(upload.id, await createScenario(), extra));
  return job;
}

describe("GET/PATCH /v1/account/notifications", () => {
  it("starts with every kind on, changes the kinds given and keeps the others", async () => {
    const user = await signup({ verified: false });
    expect(await settings(user.accessToken)).toEqual({ jobFinished: true, jobFailed: true, jobPaused: true, creditsLow: true });
    const response = await call("PATCH", "/v1/account/notifications", { token: user.accessToken, body: { jobFinished: false, creditsLow: false } });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ jobFinished: false, jobFailed: true, jobPaused: true, creditsLow: false });
    expect(await settings(user.accessToken)).toEqual({ jobFinished: false, jobFailed: true, jobPaused: true, creditsLow: false });
  });

  it.each([
    ["a string for a boolean", { jobFinished: "no" }],
    ["an unknown kind", { newsletter: false }],
  ])("answers 400 for %s", async (_label, body) => {
    const user = await signup({ verified: false });
    await expectError(await call("PATCH", "/v1/account/notifications", { token: user.accessToken, body }), 400, "invalid_request");
  });

  it("answers 401 without a session", async () => {
    await expectError(await call("GET", "/v1/account/notifications"), 401, "unauthorized");
  });
});

describe("job notifications", () => {
  it("mails a finished job's counts with a link to it, and its one-click unsubscribe turns that kind off", async () => {
    const user = await signup();
    const job = await runJob(user, 4);
    await waitForJob(user, job.id);
    const email = await waitForEmail(user.email, /job is done/);
    expect(email.to).toEqual([user.email]);
    expect(email.subject).toBe("Your Openline job is done: 4 of 4 lines written");
    expect(email.text).toContain("4 lines written, 0 rows failed, out of 4");
    expect(linkIn(email, `/jobs/${job.id}`).pathname).toBe(`/jobs/${job.id}`);

    const token = unsubscribeToken(email);
    const response = await unsubscribe(token);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ kind: "jobFinished", enabled: false });
    expect(await settings(user.accessToken)).toMatchObject({ jobFinished: false, jobFailed: true });

    const second = await runJob(user, 2);
    await waitForJob(user, second.id);
    await sleep(300);
    expect((await emailsTo(user.email)).filter((e) => /job is done/.test(e.subject))).toHaveLength(1);
  });

  it("counts the lines of a job with two variants per prospect, not only its rows", async () => {
    const user = await signup();
    const job = await runJob(user, 3, { variants: 2 });
    await waitForJob(user, job.id);
    const email = await waitForEmail(user.email, /job is done/);
    expect(email.subject).toBe("Your Openline job is done: 3 of 3 prospects, 6 lines written");
    expect(email.text).toContain("6 lines written for 3 prospects, 0 rows failed, out of 3");
  });

  it("mails a budget pause with the way to buy credits", async () => {
    const user = await signup();
    const job = await runJob(user, 20, { maxCredits: 5 });
    await waitForJob(user, job.id, (j) => j.status === "paused" && j.pauseReason === "budget");
    const email = await waitForEmail(user.email, /paused/);
    expect(email.subject).toBe("Your Openline job is paused: out of credits");
    expect(linkIn(email, "/account/billing").pathname).toBe("/account/billing");
    expect(unsubscribeToken(email)).toContain(".jobPaused.");
  });

  it("mails nothing for a pause the user asked for", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const paused = await call("POST", `/v1/jobs/${job.id}/pause`, { token: user.accessToken });
    expect(await json(paused)).toMatchObject({ status: "paused", pauseReason: "user" });
    await sleep(300);
    expect((await emailsTo(user.email)).filter((e) => /paused/.test(e.subject))).toEqual([]);
  });

  it("mails a failed job with its reason", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario({ error500: 1 })));
    // The LLM is down through the chunk's last delivery: every row fails, the job fails.
    await deliver([chunkMessage(job, user, upload, 0)], { attempts: 6 });
    expect(await waitForJob(user, job.id)).toMatchObject({ status: "failed" });
    const email = await waitForEmail(user.email, /job failed/);
    expect(email.subject).toBe("Your Openline job failed");
    expect(linkIn(email, `/jobs/${job.id}`).pathname).toBe(`/jobs/${job.id}`);
  });

  it("mails 'credits low' once when the balance falls under 10 % of the last grant", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, -455); // 45 left of the 500 granted at verification
    const first = await runJob(user, 2);
    await waitForJob(user, first.id);
    const email = await waitForEmail(user.email, /credits left/);
    expect(email.subject).toBe("Openline: 43 credits left");
    expect(linkIn(email, "/account/billing").pathname).toBe("/account/billing");
    expect(unsubscribeToken(email)).toContain(".creditsLow.");

    const second = await runJob(user, 2);
    await waitForJob(user, second.id);
    await sleep(300);
    expect((await emailsTo(user.email)).filter((e) => /credits left/.test(e.subject))).toHaveLength(1);
  });
});

describe("POST /v1/notifications/unsubscribe — security", () => {
  it("refuses a tampered token with 400 and changes nothing, for this user or another", async () => {
    const ann = await signup();
    const bob = await signup({ verified: false });
    const job = await runJob(ann, 2);
    await waitForJob(ann, job.id);
    const token = unsubscribeToken(await waitForEmail(ann.email, /job is done/));
    const [, kind, signature] = token.split(".");
    await expectError(await unsubscribe(`${bob.id}.${kind}.${signature}`), 400, "invalid_request");
    await expectError(await unsubscribe(`${ann.id}.jobFailed.${signature}`), 400, "invalid_request");
    await expectError(await unsubscribe("garbage"), 400, "invalid_request");
    expect(await settings(bob.accessToken)).toMatchObject({ jobFinished: true });
    expect(await settings(ann.accessToken)).toMatchObject({ jobFinished: true, jobFailed: true });
  });
});
