import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { JobRoom } from "../../../durable-objects/job-room";
import { ledgerFor } from "../../../worker/credits/ledger";
import { describe, expect, it } from "vitest";
import { getConfig } from "../../../worker/parse-config";
import { roomFor } from "../../../worker/jobs/keys";
import { signup } from "../../helpers";
import { createScenario, createUploadFixture, getJob, jobBody, prospectRows, startJob, waitForJob } from "./fixtures";

describe("fair share between jobs (a window of each job's chunks in the queue)", () => {
  it("a big job keeps only JOB_QUEUE_WINDOW chunks in the queue and tops the window up as chunks finish", async () => {
    // 60 chunks of 10 rows, one call each: half again as many chunks as the window (40 in the tests).
    const user = await signup();
    await ledgerFor(env, user.id).grant({ key: `fair:${user.id}`, amount: 100, reason: "admin", note: "fair-share test" });
    const upload = await createUploadFixture(user, prospectRows(600), 10);
    const window = getConfig(env).JOB_QUEUE_WINDOW;
    expect(window).toBeLessThan(60);
    const job = await startJob(user, jobBody(upload.id, await createScenario({ latencyMs: 150 }), { rowsPerRequest: 10 }));
    const pending = await runInDurableObject(roomFor(env, job.id), (_room: JobRoom, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM chunks WHERE state = 'pending'").one().n,
    );
    // At most a window of them was sent at the start (a few may be done and topped up already).
    expect(pending).toBeGreaterThanOrEqual(60 - window - 5);
    expect(pending).toBeLessThanOrEqual(60 - window);
    const finished = await waitForJob(user, job.id, undefined, 60_000);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 600, creditsCharged: 600 });
  }, 90_000);

  it("while a 100-chunk job runs, another user's 50-row job finishes within a few consumer batches", async () => {
    // What matters is the count of chunks (messages) ahead, not rows: 100 chunks of 10 rows, one call
    // each, are 2.5 windows and 5 consumer batches of 20 (Miniflare runs one batch at a time).
    const big = await signup();
    await ledgerFor(env, big.id).grant({ key: `fair:${big.id}`, amount: 1_000, reason: "admin", note: "fair-share test" });
    const small = await signup();
    const bigUpload = await createUploadFixture(big, prospectRows(1_000), 10);
    const smallUpload = await createUploadFixture(small, prospectRows(50), 100);
    // 1 s a call, 10 in flight: a 20-chunk consumer batch of the big job takes at least 2 s.
    const bigJob = await startJob(big, jobBody(bigUpload.id, await createScenario({ latencyMs: 1_000 }), { rowsPerRequest: 10 }));
    await waitForJob(big, bigJob.id, (j) => j.processed > 0, 60_000);
    const startedAt = Date.now();
    const smallJob = await startJob(small, jobBody(smallUpload.id, await createScenario({}), { rowsPerRequest: 10 }));
    const done = await waitForJob(small, smallJob.id, undefined, 120_000).catch(async (error) => {
      const b = await getJob(big, bigJob.id);
      throw new Error(`${error.message}; big job ${b.status} ${b.processed}/${b.total}`);
    });
    const smallSeconds = (Date.now() - startedAt) / 1000;
    const bigNow = await getJob(big, bigJob.id);
    expect(done).toMatchObject({ status: "succeeded", succeeded: 50 });
    // Behind at most a window (40 chunks = 2 batches) of the big job, not its 100 chunks: it ends
    // while the big job has most of its rows still to do.
    expect(bigNow.status).toBe("running");
    expect(bigNow.processed).toBeLessThan(700);
    const bigFinished = await waitForJob(big, bigJob.id, undefined, 120_000);
    expect(bigFinished).toMatchObject({ status: "succeeded", succeeded: 1_000 });
    expect(smallSeconds).toBeLessThan((Date.parse(bigFinished.finishedAt) - startedAt) / 1000 / 2);
  }, 240_000);
});
