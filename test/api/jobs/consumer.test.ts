import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LEASE_MS } from "../../../worker/jobs/constants";
import { roomFor } from "../../../worker/jobs/keys";
import { jobPrefix } from "../../../worker/storage";
import { signup } from "../../helpers";
import { deliver } from "./deliver";
import {
  allRows,
  chunkMessage,
  createJobWithoutQueue,
  createScenario,
  createUploadFixture,
  getJob,
  jobBody,
  ledgerState,
  prospectRows,
  scenarioStats,
  updateScenario,
  waitForJob,
} from "./fixtures";

async function resultObjects(userId: string, jobId: string) {
  const listing = await env.FILES.list({ prefix: `${jobPrefix(userId, jobId)}results/` });
  return listing.objects;
}

/** env.FILES counting its puts; `failOn(n, body)` makes the n-th put throw. */
function countingPuts(failOn: (n: number, body: Parameters<R2Bucket["put"]>[1]) => boolean = () => false) {
  const counter = { puts: 0, bucket: env.FILES };
  counter.bucket = new Proxy(env.FILES, {
    get(target, property) {
      if (property === "put") {
        return async (...args: Parameters<R2Bucket["put"]>) => {
          if (failOn(++counter.puts, args[1])) throw new Error("R2 is having a bad day");
          return target.put(...args);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return counter;
}

describe("queue consumer — one message at a time", () => {
  it("acks the health check's ping and ignores it", async () => {
    const result = await deliver([{ type: "ping" }], { ids: ["ping-1"] });
    expect(result.explicitAcks).toEqual(["ping-1"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("the same chunk message delivered twice charges once and writes once", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const scenario = await createScenario();
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    const message = chunkMessage(job, user, upload, 0);

    const first = await deliver([message], { ids: ["first"] });
    expect(first.explicitAcks).toEqual(["first"]);
    const afterFirst = await resultObjects(user.id, job.id);
    expect(afterFirst).toHaveLength(1);
    const requests = (await scenarioStats(scenario)).requests;

    const second = await deliver([message], { ids: ["second"] });
    expect(second.explicitAcks).toEqual(["second"]);
    const afterSecond = await resultObjects(user.id, job.id);
    expect(afterSecond.map((o) => [o.key, o.etag])).toEqual(afterFirst.map((o) => [o.key, o.etag]));
    expect((await scenarioStats(scenario)).requests).toBe(requests);

    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 10, creditsCharged: 10 });
    const ledger = await ledgerState(user.id, job.id);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.charged).toBe(10);
  });

  it("two copies of a chunk in one batch: one runs, the other waits for its lease, nothing doubles", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const scenario = await createScenario({ latencyMs: 30 });
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    const message = chunkMessage(job, user, upload, 0);
    const result = await deliver([message, message], { ids: ["a", "b"] });
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.retryMessages[0]!.delaySeconds).toBeGreaterThan(0);
    // The retried copy arrives later and finds the chunk done.
    const late = await deliver([message], { ids: ["c"], attempts: 2 });
    expect(late.explicitAcks).toEqual(["c"]);
    expect(await resultObjects(user.id, job.id)).toHaveLength(1);
    expect((await ledgerState(user.id, job.id)).charged).toBe(10);
    expect(new Set((await scenarioStats(scenario)).rowsRequested).size).toBe(10);
  });

  it("a consumer that throws mid-chunk is retried and resumes from its checkpoint", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(30), 30);
    const scenario = await createScenario();
    // rowsPerRequest 1: rows finish one by one, so checkpoints land before the end.
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario, { rowsPerRequest: 1 }));
    const message = chunkMessage(job, user, upload, 0);

    // R2 fails the chunk's final write (no row left pending), after the checkpoints went through.
    // JOB_CHECKPOINT_MS 0: a checkpoint after every row until 10 remain, however fast they came.
    const files = countingPuts((_, body) => typeof body === "string" && !body.includes('"status":"pending"'));
    const crashed = await deliver([message], { env: { ...env, FILES: files.bucket, JOB_CHECKPOINT_MS: "0" } as unknown as Env, ids: ["crash"] });
    expect(crashed.retryMessages.map((m) => m.msgId)).toEqual(["crash"]);
    expect(crashed.explicitAcks).toEqual([]);
    const asked = (await scenarioStats(scenario)).rowsRequested.length;
    expect(asked).toBe(30);
    const midway = await getJob(user, job.id);
    expect(midway.creditsCharged).toBe(0);

    const retried = await deliver([message], { attempts: 2, ids: ["retry"] });
    expect(retried.explicitAcks).toEqual(["retry"]);
    const stats = await scenarioStats(scenario);
    // Only the rows after the checkpoint were asked for again.
    const again = stats.rowsRequested.slice(asked);
    expect(again.length).toBeGreaterThan(0);
    expect(again.length).toBeLessThanOrEqual(10);
    expect(Math.min(...again.map(Number))).toBeGreaterThan(20);

    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30 });
    expect((await ledgerState(user.id, job.id)).entries).toHaveLength(1);
  });

  it("a chunk that finishes within JOB_CHECKPOINT_MS writes its result once, with no checkpoint", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(30), 30);
    const scenario = await createScenario();
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario, { rowsPerRequest: 1 }));
    const files = countingPuts();
    const result = await deliver([chunkMessage(job, user, upload, 0)], { env: { ...env, FILES: files.bucket }, ids: ["fast"] });
    expect(result.explicitAcks).toEqual(["fast"]);
    expect(files.puts).toBe(1);
    expect(await waitForJob(user, job.id)).toMatchObject({ status: "succeeded", succeeded: 30, creditsCharged: 30 });
  });

  it("a chunk whose message keeps failing ends in the dead-letter queue: its rows fail, uncharged", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    const scenario = await createScenario();
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    await deliver([chunkMessage(job, user, upload, 0)]);
    const dead = await deliver([chunkMessage(job, user, upload, 1)], { queue: "openline-jobs-dlq", ids: ["dead"] });
    expect(dead.explicitAcks).toEqual(["dead"]);

    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 10, failed: 10, creditsCharged: 10, creditsHeld: 0 });
    const rows = await allRows(user, job.id);
    expect(rows.slice(10).every((row) => row.status === "failed" && row.reason.startsWith("processing_failed"))).toBe(true);
    expect((await ledgerState(user.id, job.id)).charged).toBe(10);
    // A dead letter for a chunk that is already done changes nothing.
    await deliver([chunkMessage(job, user, upload, 0)], { queue: "openline-jobs-dlq" });
    expect(await getJob(user, job.id)).toMatchObject({ succeeded: 10, failed: 10, creditsCharged: 10 });
  });

  it("one batch claims its chunks with one room call: each runs once, and a copy in the same batch waits", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(30), 10);
    const scenario = await createScenario();
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    const claims = await roomFor(env, job.id).leaseMany({
      chunks: [
        { chunk: 0, run: 0 },
        { chunk: 1, run: 0 },
        { chunk: 1, run: 0 },
        { chunk: 2, run: 1 },
        { chunk: 9, run: 0 },
      ],
    });
    expect(claims.map((claim) => claim.action)).toEqual(["run", "run", "busy", "skip", "skip"]);
    expect(claims.slice(0, 2).map((claim) => claim.action === "run" && [claim.range.chunk, claim.reserved])).toEqual([
      [0, 10],
      [1, 10],
    ]);
    // Only the two leased runs hold credits; the job is running.
    expect(await getJob(user, job.id)).toMatchObject({ status: "running" });
    expect((await ledgerState(user.id, job.id)).job).toMatchObject({ reserved: 20, available: 10 });
  });

  it("a chunk leased by another consumer is retried after the lease, not run twice", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const scenario = await createScenario();
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    const claim = await roomFor(env, job.id).lease({ chunk: 0, run: 0 });
    expect(claim.action).toBe("run");
    const result = await deliver([chunkMessage(job, user, upload, 0)], { ids: ["busy"] });
    expect(result.retryMessages).toEqual([{ msgId: "busy", delaySeconds: expect.any(Number) }]);
    // After the other consumer's lease would run out (LEASE_MS, 30 s), not at once.
    expect(result.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(LEASE_MS / 1000);
    expect(result.retryMessages[0]!.delaySeconds).toBeLessThanOrEqual(LEASE_MS / 1000 + 1);
    expect((await scenarioStats(scenario)).requests).toBe(0);
  });

  it("while the LLM is down the chunk is retried later; the last attempt fails its rows, uncharged", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const scenario = await createScenario({ error500: 1 });
    const job = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    const message = chunkMessage(job, user, upload, 0);

    const down = await deliver([message], { ids: ["down"] });
    expect(down.retryMessages).toEqual([{ msgId: "down", delaySeconds: expect.any(Number) }]);
    expect((await getJob(user, job.id)).processed).toBe(0);

    const last = await deliver([message], { ids: ["last"], attempts: 6 });
    expect(last.explicitAcks).toEqual(["last"]);
    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "failed", failed: 10, succeeded: 0, creditsCharged: 0, creditsHeld: 0 });
    expect(finished.error.code).toBe("all_rows_failed");
    const rows = await allRows(user, job.id);
    expect(rows.every((row) => row.reason?.startsWith("llm_unavailable"))).toBe(true);
    expect((await ledgerState(user.id, job.id)).charged).toBe(0);
    await updateScenario(scenario, { error500: 0 });
  });
});
