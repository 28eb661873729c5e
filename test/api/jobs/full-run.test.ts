import { describe, expect, it } from "vitest";
import { call, json, signup } from "../../helpers";
import { allRows, createScenario, createUploadFixture, jobBody, ledgerState, prospectRows, scenarioStats, startJob, waitForJob } from "./fixtures";

describe("a full job through the real queue consumer", () => {
  it("generates every row, charges exactly the generated lines and releases the rest", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(45), 10);
    const scenario = await createScenario({ latencyMs: 20 });
    const started = await startJob(user, jobBody(upload.id, scenario));
    expect(started).toMatchObject({ status: "queued", total: 45, creditsHeld: 45, creditsCharged: 0, mode: "full" });

    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", total: 45, processed: 45, succeeded: 45, failed: 0, creditsCharged: 45, creditsHeld: 0 });
    expect(job.finishedAt).not.toBeNull();

    const ledger = await ledgerState(user.id, job.id);
    expect(ledger.charged).toBe(45);
    // One charge per chunk (5 chunks of ≤ 10 rows), each keyed by its chunk run.
    expect(ledger.entries).toHaveLength(5);
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits).toEqual({ balance: 455, held: 0 });

    const rows = await allRows(user, job.id);
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    for (const row of rows) {
      expect(row.status).toBe("generated");
      expect(row.line).toContain(row.input["Company Name"].split(" ")[0]);
      expect(row.line).not.toContain("?");
    }
    const stats = await scenarioStats(scenario);
    // Batched: 5 rows per request by default.
    expect(stats.requests).toBeLessThanOrEqual(Math.ceil(45 / 5) + 5);
    expect(new Set(stats.rowsRequested).size).toBe(45);
  });
});

describe("fan-out", () => {
  it("sends more than 100 chunks in several sendBatch calls and finishes them all", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(130), 1);
    const scenario = await createScenario();
    const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, scenario))).id, undefined, 60_000);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 130, creditsCharged: 130 });
    expect((await ledgerState(user.id, job.id)).entries).toHaveLength(130);
  });
});
