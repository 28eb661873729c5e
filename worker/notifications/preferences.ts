import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { users, type User } from "../db/schema";
import type { NotificationKind } from "../email/templates";

/** Which notification emails a user gets; each kind maps to its own column of `users`. */
export const NOTIFICATION_KINDS = ["jobFinished", "jobFailed", "jobPaused", "creditsLow"] as const satisfies readonly NotificationKind[];

const COLUMN = {
  jobFinished: "notifyJobFinished",
  jobFailed: "notifyJobFailed",
  jobPaused: "notifyJobPaused",
  creditsLow: "notifyCreditsLow",
} as const satisfies Record<NotificationKind, keyof User>;

export const NotificationSettingsSchema = z
  .object({
    jobFinished: z.boolean(),
    jobFailed: z.boolean(),
    jobPaused: z.boolean(),
    creditsLow: z.boolean(),
  })
  .openapi("NotificationSettings");
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export function notificationSettings(user: User): NotificationSettings {
  return {
    jobFinished: user.notifyJobFinished,
    jobFailed: user.notifyJobFailed,
    jobPaused: user.notifyJobPaused,
    creditsLow: user.notifyCreditsLow,
  };
}

export const wantsNotification = (user: User, kind: NotificationKind) => user[COLUMN[kind]];

/** Sets the given kinds (the others stay); returns the user as stored, or null when there is none. */
export async function updateNotificationSettings(env: Env, userId: string, changes: Partial<NotificationSettings>): Promise<User | null> {
  const set: Partial<Record<(typeof COLUMN)[NotificationKind], boolean>> = {};
  for (const kind of NOTIFICATION_KINDS) if (changes[kind] !== undefined) set[COLUMN[kind]] = changes[kind];
  const db = getDb(env);
  if (Object.keys(set).length === 0) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    return user ?? null;
  }
  const [user] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  return user ?? null;
}
