import { z } from "@hono/zod-openapi";
import type { Config } from "../config";
import type { User } from "../db/schema";

/** Rules shared by signup, login and account deletion. */
export const EmailSchema = z
  .email({ message: "Must be a valid email address." })
  .max(254)
  .transform((email) => email.trim().toLowerCase())
  .openapi({ example: "ann@acme.com" });
export const NewPasswordSchema = z
  .string()
  .min(10, "Passwords need at least 10 characters.")
  .max(256, "Passwords can be at most 256 characters.")
  .openapi({ example: "correct horse battery" });
/** Checking an existing password allows any length up to the cap (rules may have changed since). */
export const PasswordSchema = z.string().min(1).max(256);

export const PublicUserSchema = z
  .object({
    id: z.string().openapi({ example: "usr_0196a3f2c1d4e5f6a7b8c9d0" }),
    email: z.string(),
    name: z.string().nullable(),
    emailVerified: z.boolean().openapi({ description: "The address's link was followed; full runs, the free credits and admin wait for it." }),
    plan: z.enum(["free", "starter", "growth", "pro"]),
    role: z.enum(["user", "admin"]),
    createdAt: z.string(),
  })
  .openapi("User");

/**
 * Admins come from configuration (ADMIN_EMAILS) or the stored role, and only with a verified address:
 * whoever signs up first with a listed address gets nothing until they prove they own it. Checked
 * on every request (the auth middleware calls this with the row it just read).
 */
export function effectiveRole(config: Config, user: Pick<User, "email" | "role" | "emailVerifiedAt">): User["role"] {
  if (!user.emailVerifiedAt) return "user";
  return user.role === "admin" || config.ADMIN_EMAILS.includes(user.email) ? "admin" : "user";
}

export function publicUser(config: Config, user: User): z.infer<typeof PublicUserSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    plan: user.plan,
    role: effectiveRole(config, user),
    createdAt: user.createdAt,
  };
}

export const SIGNUP_CREDITS = 500;
