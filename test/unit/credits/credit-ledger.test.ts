import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ledgerFor } from "../../../worker/credits/ledger";

/** A fresh ledger per test with `credits` granted. */
async function ledgerWith(credits: number) {
  const ledger = ledgerFor(env, `usr_ledger_${crypto.randomUUID()}`);
  if (credits > 0) await ledger.grant({ key: `seed:${crypto.randomUUID()}`, amount: credits, reason: "admin" });
  return ledger;
}

async function expectInvariant(ledger: Awaited<ReturnType<typeof ledgerWith>>) {
  const audit = await ledger.audit();
  expect(audit.entriesSum).toBe(audit.balance + audit.held);
  expect(audit.held).toBe(audit.holdsFree + audit.reservedOpen);
  expect(audit.balance).toBeGreaterThanOrEqual(0);
  expect(audit.held).toBeGreaterThanOrEqual(0);
}

describe("CreditLedger — holds", () => {
  it("a lowered budget gives the free hold above it back, so the job cannot spend past it", async () => {
    const ledger = await ledgerWith(1000);
    await ledger.hold({ jobId: "job_lower", amount: 500 });
    expect(await ledger.reserve({ jobId: "job_lower", key: "r1", amount: 100 })).toMatchObject({ reserved: 100 });
    // 100 reserved + 400 free; a budget of 150 leaves room for 50 more.
    const lowered = await ledger.setBudget({ jobId: "job_lower", budget: 150 });
    expect(lowered).toMatchObject({ job: { held: 150 }, balance: 850, held: 150 });
    expect(await ledger.reserve({ jobId: "job_lower", key: "r2", amount: 100 })).toMatchObject({ reserved: 50 });
    expect(await ledger.reserve({ jobId: "job_lower", key: "r3", amount: 100 })).toMatchObject({ reserved: 0 });
    // The same budget again changes nothing; a higher one lets reservations top up again.
    expect(await ledger.setBudget({ jobId: "job_lower", budget: 150 })).toMatchObject({ balance: 850 });
    await ledger.setBudget({ jobId: "job_lower", budget: 200 });
    expect(await ledger.reserve({ jobId: "job_lower", key: "r4", amount: 100 })).toMatchObject({ reserved: 50 });
    await expectInvariant(ledger);
  });

  it("holds a job's full cost, or refuses with what is missing", async () => {
    const ledger = await ledgerWith(100);
    const refused = await ledger.hold({ jobId: "job_a", amount: 130 });
    expect(refused).toMatchObject({ ok: false, code: "insufficient_credits", missing: 30, balance: 100, held: 0 });
    const held = await ledger.hold({ jobId: "job_b", amount: 60 });
    expect(held).toMatchObject({ ok: true, jobHold: 60, balance: 40, held: 60, replayed: false });
    // The same job's hold is applied once.
    expect(await ledger.hold({ jobId: "job_b", amount: 60 })).toMatchObject({ ok: true, replayed: true, balance: 40, held: 60 });
    await expectInvariant(ledger);
  });

  it("with a budget holds what it can, even nothing, instead of refusing", async () => {
    const ledger = await ledgerWith(25);
    expect(await ledger.hold({ jobId: "job_cap", amount: 100, budget: 10 })).toMatchObject({ ok: true, jobHold: 10, balance: 15 });
    expect(await ledger.hold({ jobId: "job_bal", amount: 100, budget: 1000 })).toMatchObject({ ok: true, jobHold: 15, balance: 0 });
    expect(await ledger.hold({ jobId: "job_zero", amount: 100, budget: 1000 })).toMatchObject({ ok: true, jobHold: 0, balance: 0 });
    await expectInvariant(ledger);
  });
});

describe("CreditLedger — reserve and settle", () => {
  it("charges only what was generated, once per key, and returns the rest to the hold", async () => {
    const ledger = await ledgerWith(100);
    await ledger.hold({ jobId: "job_r", amount: 50 });
    const reserved = await ledger.reserve({ jobId: "job_r", key: "job_r:c0:r0", amount: 20 });
    expect(reserved).toMatchObject({ reserved: 20, replayed: false, job: { held: 50, reserved: 20, available: 30 } });
    expect((await ledger.reserve({ jobId: "job_r", key: "job_r:c0:r0", amount: 20 })).replayed).toBe(true);

    const settled = await ledger.settle({ jobId: "job_r", key: "job_r:c0:r0", charged: 17 });
    expect(settled).toMatchObject({ charged: 17, replayed: false, balance: 50, held: 33, job: { held: 33, reserved: 0, charged: 17 } });
    // A second delivery of the same chunk settles nothing new.
    expect(await ledger.settle({ jobId: "job_r", key: "job_r:c0:r0", charged: 20 })).toMatchObject({ charged: 17, replayed: true, held: 33 });

    const entries = (await ledger.listEntries({ limit: 10 })).data.filter((entry) => entry.jobId === "job_r");
    expect(entries).toEqual([expect.objectContaining({ delta: -17, reason: "job_charge", jobId: "job_r" })]);
    await expectInvariant(ledger);
  });

  it("reserves a batch in one call, in order, each idempotent by its key like a single reserve", async () => {
    const ledger = await ledgerWith(100);
    await ledger.hold({ jobId: "job_m", amount: 25 });
    const first = await ledger.reserveMany([
      { jobId: "job_m", key: "m:c0:r0", amount: 10 },
      { jobId: "job_m", key: "m:c1:r0", amount: 10 },
      { jobId: "job_m", key: "m:c2:r0", amount: 10 },
      { jobId: "job_m", key: "m:c3:r0", amount: 10 },
    ]);
    // The hold runs out in order: 10, 10, the last 5, then nothing.
    expect(first.map((r) => r.reserved)).toEqual([10, 10, 5, 0]);
    expect(first[3]).toMatchObject({ replayed: false, job: { held: 25, reserved: 25, available: 0 } });
    // Delivered again (a retried batch): the same answers, nothing reserved twice.
    const again = await ledger.reserveMany([
      { jobId: "job_m", key: "m:c1:r0", amount: 10 },
      { jobId: "job_m", key: "m:c2:r0", amount: 10 },
    ]);
    expect(again.map((r) => [r.reserved, r.replayed])).toEqual([
      [10, true],
      [5, true],
    ]);
    expect((await ledger.reserve({ jobId: "job_m", key: "m:c0:r0", amount: 10 })).replayed).toBe(true);
    await expectInvariant(ledger);
  });

  it("never charges more than the reservation, nor below zero", async () => {
    const ledger = await ledgerWith(10);
    await ledger.hold({ jobId: "job_x", amount: 10 });
    await ledger.reserve({ jobId: "job_x", key: "k1", amount: 4 });
    expect((await ledger.settle({ jobId: "job_x", key: "k1", charged: 9 })).charged).toBe(4);
    expect((await ledger.settle({ jobId: "job_x", key: "unknown", charged: 3 })).charged).toBe(0);
    await ledger.reserve({ jobId: "job_x", key: "k2", amount: 4 });
    expect((await ledger.settle({ jobId: "job_x", key: "k2", charged: -5 })).charged).toBe(0);
    await expectInvariant(ledger);
  });

  it("reserves part of a chunk when the budget runs out, then nothing, until credits arrive", async () => {
    const ledger = await ledgerWith(12);
    await ledger.hold({ jobId: "job_b", amount: 30, budget: 1000 });
    expect((await ledger.reserve({ jobId: "job_b", key: "b:c0:r0", amount: 10 })).reserved).toBe(10);
    expect((await ledger.reserve({ jobId: "job_b", key: "b:c1:r0", amount: 10 })).reserved).toBe(2);
    const none = await ledger.reserve({ jobId: "job_b", key: "b:c2:r0", amount: 10 });
    expect(none).toMatchObject({ reserved: 0, closed: false, job: { available: 0 } });
    await ledger.settle({ jobId: "job_b", key: "b:c0:r0", charged: 10 });
    await ledger.settle({ jobId: "job_b", key: "b:c1:r0", charged: 2 });

    await ledger.grant({ key: "topup", amount: 100, reason: "pack" });
    expect((await ledger.jobCredits({ jobId: "job_b" })).available).toBe(100);
    // A zero reservation was not recorded, so the same key can reserve now.
    expect((await ledger.reserve({ jobId: "job_b", key: "b:c2:r0", amount: 10 })).reserved).toBe(10);
    await expectInvariant(ledger);
  });

  it("stops at maxCredits even with balance left", async () => {
    const ledger = await ledgerWith(500);
    await ledger.hold({ jobId: "job_cap", amount: 30, budget: 12 });
    expect((await ledger.reserve({ jobId: "job_cap", key: "cap:0", amount: 10 })).reserved).toBe(10);
    await ledger.settle({ jobId: "job_cap", key: "cap:0", charged: 8 });
    // 8 charged + 2 free: the budget allows 4 more in all.
    expect((await ledger.reserve({ jobId: "job_cap", key: "cap:1", amount: 10 })).reserved).toBe(4);
    expect((await ledger.jobCredits({ jobId: "job_cap" })).available).toBe(0);
    await expectInvariant(ledger);
  });

  it("release closes the hold; open reservations settle their rest to the balance", async () => {
    const ledger = await ledgerWith(40);
    await ledger.hold({ jobId: "job_c", amount: 40 });
    await ledger.reserve({ jobId: "job_c", key: "c:0", amount: 10 });
    expect(await ledger.release({ jobId: "job_c" })).toMatchObject({ released: 30, balance: 30, held: 10 });
    expect((await ledger.release({ jobId: "job_c" })).released).toBe(0);
    expect((await ledger.reserve({ jobId: "job_c", key: "c:1", amount: 5 })).reserved).toBe(0);
    expect(await ledger.settle({ jobId: "job_c", key: "c:0", charged: 6 })).toMatchObject({ charged: 6, balance: 34, held: 0 });
    await expectInvariant(ledger);
  });

  it("a later hold key reopens a released hold (retry-failed)", async () => {
    const ledger = await ledgerWith(20);
    await ledger.hold({ jobId: "job_re", amount: 10 });
    await ledger.release({ jobId: "job_re" });
    expect(await ledger.hold({ jobId: "job_re", amount: 3, key: "retry:job_re:1" })).toMatchObject({ ok: true, jobHold: 3, balance: 17 });
    expect((await ledger.reserve({ jobId: "job_re", key: "re:0", amount: 3 })).reserved).toBe(3);
    await expectInvariant(ledger);
  });

  it("keeps the invariant under many concurrent reservations and settlements", async () => {
    const ledger = await ledgerWith(1000);
    await ledger.hold({ jobId: "job_many", amount: 300, budget: 400 });
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const key = `many:${i}`;
        const { reserved } = await ledger.reserve({ jobId: "job_many", key, amount: 10 });
        const settled = await ledger.settle({ jobId: "job_many", key, charged: reserved - (i % 3) });
        await ledger.settle({ jobId: "job_many", key, charged: reserved });
        return settled.charged;
      }),
    );
    const charged = results.reduce((sum, n) => sum + n, 0);
    const job = await ledger.jobCredits({ jobId: "job_many" });
    expect(job.charged).toBe(charged);
    expect(job.charged + job.held).toBeLessThanOrEqual(400);
    await expectInvariant(ledger);
  });
});
