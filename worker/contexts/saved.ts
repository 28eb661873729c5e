import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { savedContexts, type SavedContext } from "../db/schema";
import { notFound } from "../lib/errors";

/** Saved contexts (issue #15): a named job context the user reuses; the last one used is prefilled. */
export const MAX_SAVED_CONTEXTS = 100;

/** The user's saved context, or 404 (also when it is someone else's). */
export async function loadOwnContext(env: Env, userId: string, id: string): Promise<SavedContext> {
  const [saved] = await getDb(env)
    .select()
    .from(savedContexts)
    .where(and(eq(savedContexts.id, id), eq(savedContexts.userId, userId)));
  if (!saved) throw notFound("Saved context");
  return saved;
}

/** Marks a saved context as the one used last (the wizard prefills it next time). */
export async function markContextUsed(env: Env, id: string): Promise<void> {
  await getDb(env).update(savedContexts).set({ lastUsedAt: new Date().toISOString() }).where(eq(savedContexts.id, id));
}
