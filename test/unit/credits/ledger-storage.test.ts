import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CreditLedger } from "../../../durable-objects/credit-ledger";
import { ledgerFor } from "../../../worker/credits/ledger";
import { LEDGER_MIGRATIONS } from "../../../worker/credits/migrations";
import { storageVersion } from "../../../worker/lib/do-storage-version";

describe("CreditLedger storage (versioned like the room's, ADR 048)", () => {
  it("a new ledger's storage is at the latest version", async () => {
    const ledger = ledgerFor(env, `usr_ledger_new_${crypto.randomUUID()}`);
    await runInDurableObject(ledger, (_instance: CreditLedger, state) => {
      expect(storageVersion(state.storage.sql)).toBe(LEDGER_MIGRATIONS.length);
    });
  });

  it("a ledger whose storage predates versioning is versioned when it wakes, and keeps its credits", async () => {
    const ledger = ledgerFor(env, `usr_ledger_old_${crypto.randomUUID()}`);
    await ledger.grant({ key: "seed", amount: 70, reason: "admin" });
    // What a ledger made before versioning is: the same tables, no version recorded.
    await runInDurableObject(ledger, (_instance: CreditLedger, state) => {
      state.storage.sql.exec("DROP TABLE schema_version");
      expect(storageVersion(state.storage.sql)).toBe(0);
    });
    await evictDurableObject(ledger);

    expect(await ledger.getBalance()).toEqual({ balance: 70, held: 0 });
    await runInDurableObject(ledger, (_instance: CreditLedger, state) => {
      expect(storageVersion(state.storage.sql)).toBe(LEDGER_MIGRATIONS.length);
    });
  });

  it("destroy() forgets everything and leaves the ledger usable", async () => {
    const ledger = ledgerFor(env, `usr_ledger_destroy_${crypto.randomUUID()}`);
    await ledger.grant({ key: "seed", amount: 40, reason: "admin" });
    await ledger.hold({ jobId: "job_d", amount: 10 });
    await ledger.destroy();

    expect(await ledger.getBalance()).toEqual({ balance: 0, held: 0 });
    expect((await ledger.listEntries({ limit: 10 })).data).toEqual([]);
    // The old key is forgotten too: the same grant lands again.
    expect(await ledger.grant({ key: "seed", amount: 5, reason: "admin" })).toMatchObject({ ok: true, replayed: false, balance: 5 });
  });
});
