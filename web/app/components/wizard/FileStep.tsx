import { Link } from "react-router";
import type { Upload } from "../../lib/types";
import { DoctorFindings } from "../DoctorFindings";
import { Notice } from "../Notice";

/** Step 1: what the doctor found in the file. */
export function FileStep({ upload, onContinue }: { upload: Upload; onContinue: () => void }) {
  return (
    <div className="step">
      <h2 className="step-title">What we found in your file</h2>
      <DoctorFindings upload={upload} />
      {upload.rowCount === 0 ? (
        <Notice tone="error" title="Nothing to write about">
          <p>The file has a header but no prospects under it. Check the export and upload it again.</p>
        </Notice>
      ) : null}
      <div className="wizard-nav">
        <Link to="/jobs/new" className="button secondary">
          Upload a different file
        </Link>
        <button type="button" className="button" disabled={upload.rowCount === 0} onClick={onContinue}>
          Continue to mapping
        </button>
      </div>
    </div>
  );
}
