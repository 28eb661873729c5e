import { WizardNav } from "./WizardNav";
import type { JobDraft } from "../../lib/job-spec";
import { companyFromEmail, fittingProfiles } from "../../lib/mapping";
import type { MappingProfile, Upload } from "../../lib/types";
import { MappingEditor } from "../MappingEditor";
import { Notice } from "../Notice";
import { ProfilePicker, SaveProfile } from "./MappingProfiles";

/** Step 2: which column is which field (the company above all). */
export function MapStep({
  upload,
  profiles,
  draft,
  setDraft,
  companyError,
  mapOk,
  backHref,
  onContinue,
}: {
  upload: Upload;
  profiles: MappingProfile[];
  draft: JobDraft;
  setDraft: (draft: JobDraft) => void;
  companyError?: string;
  mapOk: boolean;
  backHref: string;
  onContinue: () => void;
}) {
  return (
    <div className="step">
      <h2 className="step-title">Map your columns</h2>
      <p className="muted">We matched what we could. Check the company column above all: it's the one every line needs.</p>
      <ProfilePicker profiles={fittingProfiles(profiles, upload.columns)} onApply={(mapping) => setDraft({ ...draft, mapping })} />
      <MappingEditor
        columns={upload.columns}
        sampleRows={upload.sampleRows}
        mapping={draft.mapping}
        extraColumns={draft.extraColumns}
        companyError={companyError}
        onMappingChange={(mapping) => setDraft({ ...draft, mapping })}
        onExtraColumnsChange={(extraColumns) => setDraft({ ...draft, extraColumns })}
      />
      {companyFromEmail(draft.mapping) ? (
        <Notice tone="info" title="No company column">
          <p>
            The company is taken from each work email's domain (maya@brightwell-dental.com → Brightwell Dental). Addresses at Gmail, Outlook
            and other free mail name no company; map a company column if your file has one.
          </p>
        </Notice>
      ) : null}
      <SaveProfile mapping={draft.mapping} disabled={!mapOk} />
      <WizardNav backHref={backHref} continueLabel="Continue to context" onContinue={onContinue} />
    </div>
  );
}
