import { createRoute, z } from "@hono/zod-openapi";
import { EmailSchema, NewPasswordSchema, publicUser } from "../../accounts";
import { sendVerification } from "../../auth/verification";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { newId, randomToken } from "../../lib/ids";
import { hashPassword } from "../../lib/password";
import { issueSession } from "../../lib/tokens";
import { idempotent } from "../../middleware/idempotency";
import { clientIp, hitRateLimit, rateLimitByIp } from "../../middleware/rate-limit";
import type { App } from "../../types";
import { errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { sessionExample, signupExample } from "../openapi-examples";
import { SessionSchema } from "./session-schema";

const SignupBody = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .openapi("SignupRequest");

export const SIGNUP_LIMITS = {
  perIp: { name: "signup:ip", limit: 20, windowSeconds: 3600 },
  perEmail: { name: "signup:email", limit: 5, windowSeconds: 3600 },
};

const route = createRoute({
  operationId: "signup",
  security: [],
  method: "post",
  path: "/v1/auth/signup",
  tags: ["Auth"],
  summary: "Create an account (plan free; 500 credits once the address is verified) and mail the verification link",
  middleware: [rateLimitByIp(SIGNUP_LIMITS.perIp), idempotent({ secretResource: (body) => (body as { user?: { id?: string } }).user?.id })] as const,
  request: { body: jsonBody(SignupBody, signupExample) },
  responses: {
    201: jsonContent(SessionSchema, "The new account with its first session", sessionExample),
    ...errorResponses("invalid_request", "conflict", "rate_limited"),
  },
});

export function registerSignup(app: App) {
  app.openapi(route, async (c) => {
    const { email, password, name } = c.req.valid("json");
    await hitRateLimit(c, SIGNUP_LIMITS.perEmail, email);
    const db = getDb(c.env);
    const id = newId("usr");
    const passwordHash = await hashPassword(password);
    // The unique email index decides races: of concurrent signups with one email, one row lands.
    const inserted = await db
      .insert(users)
      .values({ id, email, name: name ?? null, passwordHash, webhookSecret: `whsec_${randomToken(24)}` })
      .onConflictDoNothing({ target: users.email })
      .returning();
    const user = inserted[0];
    if (!user) throw new ApiError("conflict", "An account with this email already exists.");
    // The free credits wait for the address to be verified (worker/auth/verification.ts).
    await sendVerification(c.env, c.var.config, user, email, c.var.log);
    const session = await issueSession(db, c.var.config, user);
    c.var.log.info("signup", { userId: id, ip: clientIp(c) });
    return c.json({ user: publicUser(c.var.config, user), ...session }, 201);
  });
}
