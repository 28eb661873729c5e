import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { ledgerFor } from "../credits/ledger";
import { SIGNUP_CREDITS } from "../accounts";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { accountTokens, users, type User } from "../db/schema";
import { sendEmail } from "../email/send";
import { emailChangeNotice, verifyEmail } from "../email/templates";
import { sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { consumeAccountToken, createAccountToken, retireAccountTokens } from "./account-tokens";

/**
 * Address verification (ADR 056): a signup or an address change mails a single-use 24 h link; following
 * it verifies the address (switching to it for a change) and grants the free credits once.
 */
export async function sendVerification(env: Env, config: Config, user: Pick<User, "id">, email: string, log: Logger, change = false): Promise<void> {
  const token = await createAccountToken(getDb(env), user.id, "verify_email", email);
  await sendEmail(env, config, verifyEmail(config.APP_URL, email, token, change), log, user.id);
}

/** An address change: the link goes to the new address, a notice to the old one; nothing switches yet. */
export async function requestEmailChange(env: Env, config: Config, user: User, newEmail: string, log: Logger): Promise<void> {
  if (newEmail === user.email) throw new ApiError("invalid_request", "This is already your address.", { field: "email" });
  const [taken] = await getDb(env).select({ id: users.id }).from(users).where(eq(users.email, newEmail));
  if (taken) throw new ApiError("conflict", "An account with this email already exists.");
  await sendVerification(env, config, user, newEmail, log, true);
  await sendEmail(env, config, emailChangeNotice(config.APP_URL, user.email, newEmail), log, user.id);
}

const invalidLink = () => new ApiError("invalid_request", "This verification link is invalid, expired or already used.", { field: "token" });

export async function verifyEmailToken(env: Env, token: string, log: Logger): Promise<User> {
  const db = getDb(env);
  const now = new Date().toISOString();
  // Looked at before it is used: the credits go in first (idempotent per user), so a ledger failure
  // leaves the link valid for another try instead of used with nothing granted.
  const [pending] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, await sha256Hex(token)), eq(accountTokens.purpose, "verify_email"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
  if (!pending) throw invalidLink();
  const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
  if (!user) throw invalidLink();
  if (pending.email !== user.email) {
    const [taken] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, pending.email), ne(users.id, user.id)));
    if (taken) throw new ApiError("conflict", "Another account uses this address now; the change cannot be made.");
  }
  const grant = await ledgerFor(env, user.id).grant({ key: `signup:${user.id}`, amount: SIGNUP_CREDITS, reason: "signup" });
  if (!grant.ok) throw new Error("signup grant refused");
  const used = await consumeAccountToken(db, "verify_email", token);
  if (!used) throw invalidLink();
  const [updated] = await db
    .update(users)
    .set({ email: used.email, emailVerifiedAt: now })
    .where(eq(users.id, user.id))
    .returning()
    .catch((error: unknown) => {
      // The unique index decides a race with a signup that took the address a moment ago.
      if (String(error).includes("UNIQUE")) throw new ApiError("conflict", "Another account uses this address now; the change cannot be made.");
      throw error;
    });
  // A switch kills the other pending links (an older change, the old address's resends).
  if (used.email !== user.email) await retireAccountTokens(db, user.id, "verify_email");
  log.info("email verified", { userId: user.id, changed: used.email !== user.email, creditsGranted: !grant.replayed });
  return updated!;
}
