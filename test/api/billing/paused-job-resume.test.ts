import { describe, expect, it } from "vitest";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";
import { adminGrant, createScenario, createUploadFixture, jobBody, ledgerState, prospectRows, startJob, waitForJob } from "../jobs/fixtures";
import { completedPackSession, deliverOk, startCheckout, stripeEvent } from "./stripe-helpers";

describe("a pack purchase and a job paused for credits", () => {
  it("resumes the paused job by itself once the purchase is applied, and charges only generated lines", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    // Leave 12 credits, then start a 30-row job allowed to spend up to 1,000: it pauses after 12 lines.
    await adminGrant(admin, user.id, -488);
    const upload = await createUploadFixture(user, prospectRows(30), 10);
    const started = await startJob(user, jobBody(upload.id, await createScenario(), { maxCredits: 1000 }));
    const paused = await waitForJob(user, started.id, (job) => job.status === "paused" && job.pauseReason === "budget" && job.creditsHeld === 0);
    expect(paused).toMatchObject({ succeeded: 12, creditsCharged: 12 });
    await expectError(await call("POST", `/v1/jobs/${started.id}/resume`, { token: user.accessToken }), 402, "insufficient_credits");

    const { session } = await startCheckout(user, { pack: "credits", quantity: 1 });
    expect(await deliverOk(stripeEvent("checkout.session.completed", completedPackSession(session)))).toMatchObject({ outcome: "applied" });

    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30, creditsHeld: 0 });
    expect((await ledgerState(user.id, job.id)).charged).toBe(30);
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits).toEqual({ balance: 1000 - 18, held: 0 });
  });
});
