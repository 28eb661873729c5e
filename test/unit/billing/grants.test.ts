import { afterEach, describe, expect, it, vi } from "vitest";
import { ledgerFor } from "../../../worker/credits/ledger";
import { grantPurchasedCredits } from "../../../worker/billing/grants";
import { createLogger } from "../../../worker/lib/logger";
import { testEnv } from "../../api/billing/stripe-helpers";

const log = createLogger({}, "error");
const newUserId = () => `usr_test_${crypto.randomUUID()}`;

afterEach(() => vi.restoreAllMocks());

describe("grantPurchasedCredits", () => {
  it("grants through the ledger, then calls the jobs hook with the credits already there", async () => {
    const userId = newUserId();
    const seen: { userId: string; balance: number }[] = [];
    const hook = async (env: Env, id: string) => {
      seen.push({ userId: id, balance: (await ledgerFor(env, id).getBalance()).balance });
    };
    const result = await grantPurchasedCredits(testEnv, userId, { key: "pack:cs_1", amount: 3000, reason: "pack", note: "3 packs" }, log, hook);
    expect(result).toEqual({ replayed: false });
    expect(seen).toEqual([{ userId, balance: 3000 }]);
    const entries = await ledgerFor(testEnv, userId).listEntries({ limit: 10 });
    expect(entries.data).toMatchObject([{ delta: 3000, reason: "pack", note: "3 packs" }]);
  });

  it("grants once per key, and still calls the hook on a replay (the first call may have been lost)", async () => {
    const userId = newUserId();
    const calls: string[] = [];
    const hook = async (_env: Env, id: string) => void calls.push(id);
    const grant = { key: "invoice:in_1", amount: 2000, reason: "plan", note: "starter" } as const;
    await grantPurchasedCredits(testEnv, userId, grant, log, hook);
    expect(await grantPurchasedCredits(testEnv, userId, grant, log, hook)).toEqual({ replayed: true });
    expect((await ledgerFor(testEnv, userId).getBalance()).balance).toBe(2000);
    expect(calls).toEqual([userId, userId]);
  });

  it("keeps the grant and logs when the hook fails", async () => {
    const userId = newUserId();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = async () => {
      throw new Error("queue unavailable");
    };
    await expect(
      grantPurchasedCredits(testEnv, userId, { key: "pack:cs_2", amount: 1000, reason: "pack", note: "1 pack" }, log, failing),
    ).resolves.toEqual({ replayed: false });
    expect((await ledgerFor(testEnv, userId).getBalance()).balance).toBe(1000);
    expect(errors.mock.calls.some((args) => String(args[0]).includes("onCreditsGranted failed"))).toBe(true);
  });
});
