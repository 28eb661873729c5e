import { describe, expect, it } from "vitest";
import { grantCredits } from "../../../worker/credits/grant-credits";
import { ledgerFor } from "../../../worker/credits/ledger";
import { createLogger } from "../../../worker/lib/logger";
import { testEnv } from "../../api/billing/stripe-helpers";

const log = createLogger({}, "error");
const newUserId = () => `usr_grant_${crypto.randomUUID()}`;

/** A hook that records which users it was asked to resume jobs for. */
function recorder() {
  const calls: string[] = [];
  return { calls, hook: async (_env: Env, id: string) => void calls.push(id) };
}

describe("grantCredits (signup, Stripe and the admin grant share it)", () => {
  it("resumes paused jobs after every positive grant, a replay included", async () => {
    const userId = newUserId();
    const { calls, hook } = recorder();
    const grant = { key: "admin:adm_1:req_1", amount: 50, reason: "admin", note: "goodwill" } as const;
    expect(await grantCredits(testEnv, userId, grant, log, hook)).toMatchObject({ ok: true, replayed: false, balance: 50 });
    expect(await grantCredits(testEnv, userId, grant, log, hook)).toMatchObject({ ok: true, replayed: true, balance: 50 });
    expect(calls).toEqual([userId, userId]);
  });

  it("a removal resumes nothing, and one below zero is refused with the balance unchanged", async () => {
    const userId = newUserId();
    const { calls, hook } = recorder();
    await grantCredits(testEnv, userId, { key: "signup:x", amount: 30, reason: "signup" }, log, hook);
    const removed = await grantCredits(testEnv, userId, { key: "admin:fix", amount: -10, reason: "admin", note: "typo" }, log, hook);
    expect(removed).toMatchObject({ ok: true, balance: 20 });
    const refused = await grantCredits(testEnv, userId, { key: "admin:big", amount: -500, reason: "admin", note: "x" }, log, hook);
    expect(refused).toMatchObject({ ok: false, code: "insufficient_credits", balance: 20 });
    expect((await ledgerFor(testEnv, userId).getBalance()).balance).toBe(20);
    expect(calls).toEqual([userId]);
  });

  it("keeps the grant when resuming fails", async () => {
    const userId = newUserId();
    const failing = async () => {
      throw new Error("room unavailable");
    };
    const result = await grantCredits(testEnv, userId, { key: "pack:cs_9", amount: 100, reason: "pack" }, log, failing);
    expect(result).toMatchObject({ ok: true, balance: 100 });
  });
});
