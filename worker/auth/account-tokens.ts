import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { accountTokens, type AccountToken } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import { newId, randomToken } from "../lib/ids";

/** One-time tokens sent by email (ADR 056): random, only their SHA-256 stored, single use, short-lived. */
export type TokenPurpose = AccountToken["purpose"];

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};
const PREFIX: Record<TokenPurpose, string> = { verify_email: "ovt_", password_reset: "oprt_" };

/** A new token for `email` (the address it is sent to); returns the raw token for the email's link. */
export async function createAccountToken(db: Db, userId: string, purpose: TokenPurpose, email: string): Promise<string> {
  const token = `${PREFIX[purpose]}${randomToken(32)}`;
  await db.insert(accountTokens).values({
    id: newId("tok"),
    userId,
    purpose,
    tokenHash: await sha256Hex(token),
    email,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]).toISOString(),
  });
  return token;
}

/**
 * The token's row if it is of this purpose, unused and unexpired, and marks it used. The conditional
 * UPDATE decides races: of two concurrent uses, one gets the row.
 */
export async function consumeAccountToken(db: Db, purpose: TokenPurpose, token: string): Promise<AccountToken | null> {
  const now = new Date().toISOString();
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, await sha256Hex(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/** Kills a user's unused tokens of one purpose (a reset used, an address switched). */
export async function retireAccountTokens(db: Db, userId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: new Date().toISOString() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
