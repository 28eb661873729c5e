import { WizardNav } from "./WizardNav";
import { canResearch, researchOn, type JobDraft } from "../../lib/job-spec";
import type { BillingCatalogue, SavedContext } from "../../lib/types";
import { ContextForm, type contextProblems } from "../ContextForm";
import { CostEstimate } from "../CostEstimate";
import { SavedContexts } from "./SavedContexts";
import { draftWithSaved } from "../../lib/saved-contexts";

/** Step 3: what the sender sells and how the lines should sound, saved and reused by name. */
export function ContextStep({
  draft,
  setDraft,
  problems,
  contexts,
  rows,
  balance,
  catalogue,
  backHref,
  onContinue,
}: {
  draft: JobDraft;
  setDraft: (draft: JobDraft) => void;
  problems: ReturnType<typeof contextProblems>;
  contexts: SavedContext[];
  rows: number;
  balance: number;
  catalogue: BillingCatalogue | null;
  backHref: string;
  onContinue: () => void;
}) {
  return (
    <div className="step">
      <h2 className="step-title">Tell us what you sell</h2>
      <SavedContexts
        contexts={contexts}
        context={draft.context}
        research={canResearch(draft.mapping) ? researchOn(draft) : undefined}
        onApply={(context, contextId) => setDraft({ ...draft, context, contextId })}
        onPick={(saved) => setDraft(draftWithSaved(draft, saved, draft.context))}
      />
      <ContextForm
        value={draft.context}
        problems={problems}
        onChange={(context) => setDraft({ ...draft, context })}
        research={{ available: canResearch(draft.mapping), checked: researchOn(draft), onChange: (research) => setDraft({ ...draft, research }) }}
      />
      <CostEstimate rows={rows} balance={balance} catalogue={catalogue} variants={draft.context.variants} />
      <WizardNav backHref={backHref} continueLabel="Continue to preview" onContinue={onContinue} />
    </div>
  );
}
