import { useFetcher } from "react-router";
import type { Mapping } from "../../lib/mapping";
import type { MappingProfile } from "../../lib/types";
import { SavedPicker } from "./SavedPicker";
import type { WizardActionData } from "./types";

export function ProfilePicker({ profiles, onApply }: { profiles: MappingProfile[]; onApply: (mapping: Mapping) => void }) {
  return <SavedPicker id="profile" label="Use a saved mapping" className="profile-picker" items={profiles} onApply={(profile) => onApply({ ...profile.mapping })} />;
}

export function SaveProfile({ mapping, disabled }: { mapping: Mapping; disabled: boolean }) {
  const fetcher = useFetcher<WizardActionData>();
  const result = fetcher.data?.intent === "save-profile" ? fetcher.data : null;
  return (
    <fetcher.Form method="post" className="save-profile">
      <input type="hidden" name="intent" value="save-profile" />
      <input type="hidden" name="mapping" value={JSON.stringify(mapping)} />
      <label htmlFor="profile-name">Save this mapping for next time</label>
      <div className="inline-form">
        <input id="profile-name" name="name" required maxLength={100} placeholder="e.g. Apollo export" />
        <button type="submit" className="button secondary small" disabled={disabled || fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Saving…" : "Save as profile"}
        </button>
      </div>
      <div aria-live="polite">
        {result?.ok && "profile" in result ? <p className="success small">Saved as “{result.profile.name}”.</p> : null}
        {result && !result.ok ? <p className="field-error">{result.error.message}</p> : null}
      </div>
    </fetcher.Form>
  );
}

