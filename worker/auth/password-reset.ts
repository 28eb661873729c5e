import { eq } from "drizzle-orm";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { sendEmail } from "../email/send";
import { passwordReset } from "../email/templates";
import { ApiError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { hashPassword } from "../lib/password";
import { revokeAllSessions } from "../lib/tokens";
import { consumeAccountToken, createAccountToken, retireAccountTokens } from "./account-tokens";

/**
 * Password reset (ADR 057). A request answers the same, in about the same time, whether the address
 * has an account or not: both look the address up, and the token and email of a known one are made
 * after the answer (`later`, the request's waitUntil), so neither the body nor the timing tells.
 */
export async function requestPasswordReset(env: Env, config: Config, email: string, log: Logger, later: (work: Promise<unknown>) => void): Promise<void> {
  const db = getDb(env);
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, email));
  if (!user) return;
  later(
    (async () => {
      const token = await createAccountToken(db, user.id, "password_reset", user.email);
      await sendEmail(env, config, passwordReset(config.APP_URL, user.email, token), log, user.id);
    })().catch((error) => log.error("password reset email failed", { userId: user.id, error })),
  );
}

/** Sets the new password and ends every session; the link works once, within the hour. */
export async function confirmPasswordReset(env: Env, token: string, password: string, log: Logger): Promise<void> {
  const db = getDb(env);
  const used = await consumeAccountToken(db, "password_reset", token);
  if (!used) throw new ApiError("invalid_request", "This reset link is invalid, expired or already used.", { field: "token" });
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, used.userId));
  await revokeAllSessions(db, used.userId);
  await retireAccountTokens(db, used.userId, "password_reset");
  log.info("password reset", { userId: used.userId });
}
