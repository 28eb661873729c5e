import { Link } from "react-router";

/** A step's Back link and its Continue button. */
export function WizardNav({ backHref, backLabel = "Back", continueLabel, onContinue }: { backHref: string; backLabel?: string; continueLabel: string; onContinue: () => void }) {
  return (
    <div className="wizard-nav">
      <Link to={backHref} className="button secondary">
        {backLabel}
      </Link>
      <button type="button" className="button" onClick={onContinue}>
        {continueLabel}
      </button>
    </div>
  );
}
