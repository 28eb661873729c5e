import { DEFAULT_CONTEXT } from "../components/ContextForm";
import type { JobDraft } from "./job-spec";
import type { JobContext, SavedContext } from "./types";

/** A saved context's fields as the form holds them. */
export function contextOfSaved(saved: SavedContext): Partial<JobContext> {
  const { service, tone, language, maxWords, instructions, variants } = saved;
  return Object.fromEntries(Object.entries({ service, tone, language, maxWords, instructions, variants }).filter(([, value]) => value !== undefined));
}

/**
 * The draft filled from a saved context (picked, or prefilled as the last used): its fields, its
 * lines per prospect and its website-research choice. What the context does not say stays as in
 * `base` (the form's context when picked, the defaults when prefilled), and the research choice as
 * the draft had it.
 */
export function draftWithSaved(draft: JobDraft, saved: SavedContext, base: JobContext = DEFAULT_CONTEXT): JobDraft {
  const research = saved.research ? { research: saved.research.website } : {};
  return { ...draft, context: { ...base, instructions: "", ...contextOfSaved(saved) }, contextId: saved.id, ...research };
}

/** The saved context a job used last (the wizard starts from it), if any. */
export function lastUsedContext(contexts: SavedContext[]): SavedContext | null {
  return contexts.reduce<SavedContext | null>((latest, item) => (item.lastUsedAt && (!latest?.lastUsedAt || item.lastUsedAt > latest.lastUsedAt) ? item : latest), null);
}

