import { isSampleModel, SAMPLE_MODEL_TEXT } from "../lib/sample-model";
import { Notice } from "./Notice";

/** Says so, on every screen with lines, when they come from the offline sample model. */
export function SampleModelNotice({ model }: { model: string | null | undefined }) {
  if (!isSampleModel(model)) return null;
  return (
    <div className="sample-model-notice">
      <Notice tone="warning" title="Sample lines">
        <p>{SAMPLE_MODEL_TEXT}.</p>
      </Notice>
    </div>
  );
}
