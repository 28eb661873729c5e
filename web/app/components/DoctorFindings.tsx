import { doctorFindings } from "../lib/doctor";
import type { Upload } from "../lib/types";

const MARKS = { ok: "✓", info: "i", warning: "!" } as const;
const SPOKEN = { ok: "OK:", info: "Note:", warning: "Check:" } as const;

/** What the file doctor found, one plain sentence each; warnings carry their row numbers. */
export function DoctorFindings({ upload }: { upload: Upload }) {
  return (
    <ul className="findings" aria-label="What we found in your file">
      {doctorFindings(upload).map((finding, index) => (
        <li key={index} className={`finding finding-${finding.tone}`}>
          <span className="finding-mark" aria-hidden="true">
            {MARKS[finding.tone]}
          </span>
          <span className="visually-hidden">{SPOKEN[finding.tone]} </span>
          {finding.text}
        </li>
      ))}
    </ul>
  );
}
