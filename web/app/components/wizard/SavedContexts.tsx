import { useEffect } from "react";
import { useFetcher } from "react-router";
import type { JobContext, SavedContext } from "../../lib/types";
import { SavedPicker } from "./SavedPicker";
import type { WizardActionData } from "./types";

/** Pick a saved context to fill the form, or save the form's context by name. */
export function SavedContexts({
  contexts,
  context,
  research,
  onApply,
  onPick,
}: {
  contexts: SavedContext[];
  context: JobContext;
  /** The form's website-research choice, saved with the context (absent when no site can be found). */
  research?: boolean;
  /** The context just saved is the one this job uses. */
  onApply: (context: JobContext, contextId: string) => void;
  /** A saved context picked from the list: the wizard takes its fields and research choice. */
  onPick: (saved: SavedContext) => void;
}) {
  const fetcher = useFetcher<WizardActionData>();
  const result = fetcher.data?.intent === "save-context" ? fetcher.data : null;
  // The context just saved is the one this job uses (so it is the one prefilled next time).
  useEffect(() => {
    if (result?.ok && "context" in result) onApply(context, result.context.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const saved = result?.ok && "context" in result ? [result.context, ...contexts.filter((item) => item.id !== result.context.id)] : contexts;
  return (
    <div className="saved-contexts">
      <SavedPicker
        id="saved-context"
        label="Use a saved context"
        className="context-picker"
        items={saved}
        onApply={onPick}
      />
      <fetcher.Form method="post" className="save-context inline-form">
        <input type="hidden" name="intent" value="save-context" />
        <input type="hidden" name="context" value={JSON.stringify(research === undefined ? context : { ...context, research: { website: research } })} />
        <label htmlFor="context-name">Save this context as</label>
        <input id="context-name" name="name" required maxLength={100} placeholder="e.g. Dental clinics, friendly" />
        <button type="submit" className="button secondary small" disabled={context.service.trim().length < 3 || fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Saving…" : "Save context"}
        </button>
      </fetcher.Form>
      <div aria-live="polite">
        {result?.ok && "context" in result ? <p className="success small">Saved as “{result.context.name}”.</p> : null}
        {result && !result.ok ? <p className="field-error">{result.error.message}</p> : null}
      </div>
    </div>
  );
}
