import { useEffect, useState } from "react";
import { DEFAULT_CONTEXT } from "../components/ContextForm";
import type { JobDraft } from "./job-spec";
import { initialMapping } from "./mapping";
import { draftWithSaved } from "./saved-contexts";
import type { SavedContext, Upload } from "./types";

const LAST_CONTEXT_KEY = "openline:last-context";

export function initialDraft(upload: Upload): JobDraft {
  return { mapping: initialMapping(upload), extraColumns: [], context: { ...DEFAULT_CONTEXT }, maxCredits: "", webhookUrl: "" };
}

/** The wizard's answers (the saved context a job used last, when there is one and nothing was kept), kept in sessionStorage per upload so a reload or a trip to checkout loses nothing. */
export function useDraft(upload: Upload, lastSaved?: SavedContext | null): [JobDraft, (draft: JobDraft) => void] {
  const key = `openline:draft:${upload.id}`;
  const [draft, setDraft] = useState<JobDraft>(() => initialDraft(upload));
  // Nothing is written back before the restored draft is rendered: writing the first, empty draft
  // would make a remount restore that instead of the saved context.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(key);
      const lastContext = localStorage.getItem(LAST_CONTEXT_KEY);
      if (saved) setDraft({ ...initialDraft(upload), ...(JSON.parse(saved) as Partial<JobDraft>) });
      else if (lastSaved) setDraft((current) => draftWithSaved(current, lastSaved));
      else if (lastContext) setDraft((current) => ({ ...current, context: { ...DEFAULT_CONTEXT, ...(JSON.parse(lastContext) as object) } }));
    } catch {
      // storage unavailable or corrupt: start from the suggestion
    }
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    if (!restored) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(draft));
      localStorage.setItem(LAST_CONTEXT_KEY, JSON.stringify(draft.context));
    } catch {
      // private mode: the draft lives as long as the page
    }
  }, [key, draft, restored]);
  return [draft, setDraft];
}

