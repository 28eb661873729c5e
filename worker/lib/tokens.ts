import { jwtVerify, SignJWT } from "jose";
import { and, eq, isNull } from "drizzle-orm";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { refreshTokens, type User } from "../db/schema";
import { sha256Hex } from "./crypto";
import { newId, randomToken } from "./ids";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const secretKey = (config: Config) => new TextEncoder().encode(config.JWT_SECRET);

export async function signAccessToken(config: Config, userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
    .sign(secretKey(config));
}

/** The user id of a valid access token, or null (bad signature, alg, issuer, audience or expiry). */
export async function verifyAccessToken(config: Config, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, secretKey(config), {
      algorithms: ["HS256"],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["sub", "exp"],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}

/** Starts a session (a new refresh-token family) or continues one after a rotation. */
export async function issueSession(db: Db, config: Config, user: Pick<User, "id">, familyId = newId("fam")): Promise<Session> {
  const refreshToken = `ort_${randomToken(32)}`;
  await db.insert(refreshTokens).values({
    id: newId("rtk"),
    userId: user.id,
    familyId,
    tokenHash: await sha256Hex(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000).toISOString(),
  });
  return { accessToken: await signAccessToken(config, user.id), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
}

/**
 * Rotates a refresh token. The conditional UPDATE is the race arbiter: of two concurrent refreshes
 * with the same token exactly one marks it used. Any use of a used or revoked token is treated as
 * theft and revokes the whole family.
 */
export async function rotateRefreshToken(
  db: Db,
  config: Config,
  token: string,
): Promise<{ session: Session; userId: string } | null> {
  const tokenHash = await sha256Hex(token);
  const now = new Date().toISOString();
  const [claimed] = await db
    .update(refreshTokens)
    .set({ usedAt: now })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning();
  if (!claimed) {
    const [known] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    if (known) await revokeFamily(db, known.familyId);
    return null;
  }
  if (claimed.expiresAt <= now) return null;
  return { session: await issueSession(db, config, { id: claimed.userId }, claimed.familyId), userId: claimed.userId };
}

export async function revokeFamily(db: Db, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Logout: revokes the token's family; unknown tokens are ignored (logout is idempotent). */
export async function revokeRefreshToken(db: Db, token: string): Promise<void> {
  const [known] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await sha256Hex(token)));
  if (known) await revokeFamily(db, known.familyId);
}

/** Every refresh token of the user dies (password reset or change): all sessions end at their next refresh. */
export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
