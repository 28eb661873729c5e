import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { JobRoom } from "../../../durable-objects/job-room";
import { roomFor } from "../../../worker/jobs/keys";
import { ChunkRepository } from "../../../worker/jobs/room/chunks";
import { signup } from "../../helpers";
import { createJobWithoutQueue, createScenario, createUploadFixture, jobBody, ledgerState, prospectRows, startJob, waitForJob } from "./fixtures";

describe("the JobRoom watchdog", () => {
  it("sends again chunk messages that never arrived", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    // The room believes the messages went out; they did not.
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      const chunks = new ChunkRepository(state.storage.sql);
      for (const chunk of chunks.covering()) chunks.update(chunk.idx, { enqueued_at: Date.now() - 11 * 60_000 });
    });
    expect(await runDurableObjectAlarm(room)).toBe(true);
    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 20, creditsCharged: 20 });
  });

  it("resumes fast: messages lost a minute ago (every process killed) are sent again on the next watch", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      state.storage.sql.exec("UPDATE chunks SET enqueued_at = ?", Date.now() - 61_000);
    });
    expect(await runDurableObjectAlarm(room)).toBe(true);
    expect(await waitForJob(user, job.id)).toMatchObject({ status: "succeeded", succeeded: 20, creditsCharged: 20 });
  });

  it("does not send again while the queue is merely slow: this job's messages are still being leased", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    const enqueuedAt = Date.now() - 61_000;
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      state.storage.sql.exec("UPDATE chunks SET enqueued_at = ?", enqueuedAt);
    });
    // The queue delivers chunk 0 now; chunk 1 waits its turn behind other jobs' messages.
    expect((await room.lease({ chunk: 0, run: 0 })).action).toBe("run");
    expect(await runDurableObjectAlarm(room)).toBe(true);
    const chunk1 = await runInDurableObject(room, (_instance: JobRoom, state) =>
      state.storage.sql.exec<{ state: string; enqueued_at: number }>("SELECT state, enqueued_at FROM chunks WHERE idx = 1").one(),
    );
    expect(chunk1).toEqual({ state: "queued", enqueued_at: enqueuedAt });
  });

  it("takes back a chunk whose consumer died holding it, and charges its run once", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(10), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    // A consumer claims the chunk (and its credits), then vanishes.
    const claim = await room.lease({ chunk: 0, run: 0 });
    expect(claim.action).toBe("run");
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      new ChunkRepository(state.storage.sql).update(0, { lease_until: Date.now() - 1000 });
    });
    expect(await runDurableObjectAlarm(room)).toBe(true);
    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 10, creditsCharged: 10, creditsHeld: 0 });
    const ledger = await ledgerState(user.id, job.id);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.charged).toBe(10);
  });

  it("wakes just after a lease runs out, not a whole period later (resume within ~30 s of a kill)", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(20), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    const room = roomFor(env, job.id);
    expect((await room.lease({ chunk: 0, run: 0 })).action).toBe("run");
    expect((await room.lease({ chunk: 1, run: 0 })).action).toBe("run");
    // Chunk 0's consumer renewed 25 s ago (its lease ends in 5 s); chunk 1's just now.
    const endsAt = Date.now() + 5_000;
    await runInDurableObject(room, (_instance: JobRoom, state) => new ChunkRepository(state.storage.sql).update(0, { lease_until: endsAt }));
    expect(await runDurableObjectAlarm(room)).toBe(true);
    const next = await runInDurableObject(room, (_instance: JobRoom, state) => state.storage.getAlarm());
    expect(next).toBe(endsAt + 1);
    // Once that lease is gone (renewed far ahead, as live ones are), the period is back: 30 s.
    await runInDurableObject(room, (_instance: JobRoom, state) => new ChunkRepository(state.storage.sql).update(0, { lease_until: Date.now() + 30_000 }));
    const before = Date.now();
    expect(await runDurableObjectAlarm(room)).toBe(true);
    const period = (await runInDurableObject(room, (_instance: JobRoom, state) => state.storage.getAlarm()))! - before;
    expect(period).toBeGreaterThanOrEqual(29_000);
    expect(period).toBeLessThanOrEqual(30_500);
  });

  it("a job survives its room being evicted mid-run", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(40), 10);
    const scenario = await createScenario({ latencyMs: 200 });
    const job = await startJob(user, jobBody(upload.id, scenario, { rowsPerRequest: 1 }));
    const midway = await waitForJob(user, job.id, (j) => j.processed > 0);
    expect(midway.status).toBe("running");
    await evictDurableObject(roomFor(env, job.id));
    const finished = await waitForJob(user, job.id);
    expect(finished).toMatchObject({ status: "succeeded", succeeded: 40, creditsCharged: 40 });
  });
});
