import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";
import { adminGrant, createScenario, createUploadFixture, getJob, jobBody, ledgerState, prospectRows, sleep, startJob, waitForJob } from "./fixtures";

const pausedForBudget = (job: { status: string; pauseReason: string | null; creditsHeld: number }) =>
  job.status === "paused" && job.pauseReason === "budget";

describe("credits up front", () => {
  it("answers 402 with rowCount, balance and missing when the balance cannot cover the job", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(600), 50);
    const scenario = await createScenario();
    const error = await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario) }), 402, "insufficient_credits");
    expect(error.details).toEqual({ rowCount: 600, balance: 500, missing: 100 });
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits).toEqual({ balance: 500, held: 0 });
    const list = await json(await call("GET", "/v1/jobs", { token: user.accessToken }));
    expect(list.data).toEqual([]);
  });
});

describe("maxCredits", () => {
  it("runs until its budget is spent, pauses (not fails), and goes on when the budget is raised", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    const upload = await createUploadFixture(user, prospectRows(30), 10);
    const scenario = await createScenario();
    const started = await startJob(user, jobBody(upload.id, scenario, { maxCredits: 12 }));
    expect(started.creditsHeld).toBe(12);
    const paused = await waitForJob(user, started.id, (job) => pausedForBudget(job) && job.creditsHeld === 0);
    expect(paused).toMatchObject({ processed: 12, succeeded: 12, creditsCharged: 12 });

    // Credits arriving do not lift a budget the user set.
    await adminGrant(admin, user.id, 50);
    await sleep(300);
    expect(await getJob(user, started.id)).toMatchObject({ status: "paused", pauseReason: "budget", processed: 12 });
    await expectError(await call("POST", `/v1/jobs/${started.id}/resume`, { token: user.accessToken }), 402, "insufficient_credits");

    const resumed = await call("POST", `/v1/jobs/${started.id}/resume`, { token: user.accessToken, body: { maxCredits: 30 } });
    expect(resumed.status).toBe(200);
    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30, maxCredits: 30 });
    expect((await ledgerState(user.id, job.id)).charged).toBe(30);
  });

  it("pauses when the balance runs out and resumes by itself after an admin grant", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, -488);
    const upload = await createUploadFixture(user, prospectRows(30), 10);
    const scenario = await createScenario();
    const started = await startJob(user, jobBody(upload.id, scenario, { maxCredits: 1000 }));
    expect(started.creditsHeld).toBe(12);
    const paused = await waitForJob(user, started.id, (job) => pausedForBudget(job) && job.creditsHeld === 0);
    expect(paused).toMatchObject({ succeeded: 12, creditsCharged: 12 });
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits).toEqual({ balance: 0, held: 0 });
    await expectError(await call("POST", `/v1/jobs/${started.id}/resume`, { token: user.accessToken }), 402, "insufficient_credits");

    await adminGrant(admin, user.id, 100);
    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30, creditsHeld: 0 });
    const ledger = await ledgerState(user.id, job.id);
    expect(ledger.charged).toBe(30);
    expect(ledger.audit).toMatchObject({ balance: 82, held: 0 });
  });
});
