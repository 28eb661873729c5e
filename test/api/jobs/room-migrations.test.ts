import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { JobRoom } from "../../../durable-objects/job-room";
import { createUnversionedSchema, ROOM_MIGRATIONS, storageVersion } from "../../../worker/jobs/room/migrations";
import type { JobRecord } from "../../../worker/jobs/types";

const roomNamed = (name: string) => env.JOB_ROOM.get(env.JOB_ROOM.idFromName(name));

const indexes = (sql: SqlStorage) =>
  sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'chunks' ORDER BY name")
    .toArray()
    .map((row) => row.name);

function previewJob(id: string): JobRecord {
  return {
    id,
    userId: "usr_old_room",
    uploadId: "upl_old_room",
    mode: "preview",
    status: "succeeded",
    pauseReason: null,
    total: 3,
    creditsHeld: 0,
    creditsCharged: 0,
    error: null,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: new Date().toISOString(),
    settings: { context: { service: "bookkeeping for clinics" } } as JobRecord["settings"],
    normalizedKey: "old/normalized.csv",
    columns: ["name"],
    retryPasses: 0,
    webhooks: 0,
  };
}

describe("JobRoom storage migrations", () => {
  it("a new room's storage is at the latest version", async () => {
    const room = roomNamed(`job_new_${crypto.randomUUID()}`);
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      expect(storageVersion(state.storage.sql)).toBe(ROOM_MIGRATIONS.length);
      expect(indexes(state.storage.sql)).toContain("chunks_first_row");
    });
  });

  it("a room whose storage predates versioning gets the later steps when it wakes, and works", async () => {
    const name = `job_old_${crypto.randomUUID()}`;
    const room = roomNamed(name);
    // Make the room what a room created before versioning is: step 1's tables, no version recorded.
    await runInDurableObject(room, async (_instance: JobRoom, state) => {
      await state.storage.deleteAll();
      createUnversionedSchema(state.storage.sql);
      expect(indexes(state.storage.sql)).not.toContain("chunks_first_row");
    });
    await evictDurableObject(room);

    expect(await room.read()).toBeNull();
    await runInDurableObject(room, (_instance: JobRoom, state) => {
      expect(storageVersion(state.storage.sql)).toBe(ROOM_MIGRATIONS.length);
      expect(indexes(state.storage.sql)).toContain("chunks_first_row");
    });
    const chunk = { chunk: 0, start: 0, end: 10, firstRow: 1, rowCount: 3 };
    await room.init({ job: previewJob(name), chunks: [chunk], preview: { resultKey: "old/result.json", generated: 3, failed: 0 } });
    expect(await room.read()).toMatchObject({ id: name, status: "succeeded", processed: 3, succeeded: 3 });
    expect((await room.outputPlan({ first: 2, last: 2 }))?.chunks).toEqual([{ ...chunk, resultKey: "old/result.json" }]);
  });
});
