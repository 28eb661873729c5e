import type { JobContext, SavedContext } from "./types";

/** A saved context's fields as the form holds them. */
export function contextOfSaved(saved: SavedContext): Partial<JobContext> {
  const { service, tone, language, maxWords, instructions } = saved;
  return Object.fromEntries(Object.entries({ service, tone, language, maxWords, instructions }).filter(([, value]) => value !== undefined));
}

/** The saved context a job used last (the wizard starts from it), if any. */
export function lastUsedContext(contexts: SavedContext[]): SavedContext | null {
  return contexts.reduce<SavedContext | null>((latest, item) => (item.lastUsedAt && (!latest?.lastUsedAt || item.lastUsedAt > latest.lastUsedAt) ? item : latest), null);
}

