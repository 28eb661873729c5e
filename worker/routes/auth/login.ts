import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { EmailSchema, PasswordSchema, publicUser } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { dummyPasswordHash, verifyPassword } from "../../lib/password";
import { issueSession } from "../../lib/tokens";
import { checkRateLimit, clientIp, rateLimitByIp, recordHit } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { loginExample, sessionExample } from "../openapi-examples";
import { SessionSchema } from "./session-schema";

const LoginBody = z.object({ email: EmailSchema, password: PasswordSchema }).strict().openapi("LoginRequest");

/**
 * Attempts per IP, and FAILED attempts per address from one IP: counting every attempt per address
 * let anyone lock an address's owner out for good by trying it 10 times every 5 minutes (ADR 068).
 */
export const LOGIN_LIMITS = {
  perIp: { name: "login:ip", limit: 30, windowSeconds: 300 },
  failuresPerEmailAndIp: { name: "login:fail", limit: 10, windowSeconds: 300 },
};

const route = createRoute({
  operationId: "login",
  security: [],
  method: "post",
  path: "/v1/auth/login",
  tags: ["Auth"],
  summary: "Log in with email and password",
  middleware: [rateLimitByIp(LOGIN_LIMITS.perIp)] as const,
  request: { body: jsonBody(LoginBody, loginExample) },
  responses: {
    200: jsonContent(SessionSchema, "A new session", sessionExample),
    ...errorResponses("invalid_request", "invalid_credentials", "rate_limited"),
  },
});

export function registerLogin(app: App) {
  app.openapi(route, async (c) => {
    const { email, password } = c.req.valid("json");
    const failures = `${email}|${clientIp(c)}`;
    await checkRateLimit(c, LOGIN_LIMITS.failuresPerEmailAndIp, failures);
    const db = getDb(c.env);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    // Unknown emails cost the same hash as known ones, so timing does not reveal accounts.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !valid) {
      await recordHit(c, LOGIN_LIMITS.failuresPerEmailAndIp, failures);
      throw new ApiError("invalid_credentials", "Wrong email or password.");
    }
    const session = await issueSession(db, c.var.config, user);
    return c.json({ user: publicUser(c.var.config, user), ...session }, 200);
  });
}
