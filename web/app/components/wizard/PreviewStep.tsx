import { useEffect, useRef, useState } from "react";
import { Link, useFetcher } from "react-router";
import type { Mapping } from "../../lib/mapping";
import { Notice } from "../Notice";
import { RowsTable } from "../PreviewTable";
import { isSampleModel } from "../../lib/sample-model";
import { SampleModelNotice } from "../SampleModelNotice";
import type { WizardActionData } from "./types";

export function PreviewStep({ spec, mapping, backHref, onContinue }: { spec: object; mapping: Mapping; backHref: string; onContinue: () => void }) {
  const fetcher = useFetcher<WizardActionData>();
  const specJson = JSON.stringify(spec);
  const [previewedWith, setPreviewedWith] = useState<string | null>(null);
  // Only while the lines are being written; the page's data refresh afterwards is not "writing".
  const busy = fetcher.state === "submitting";
  const result = fetcher.data?.intent === "preview" ? fetcher.data : null;
  // Writing the same preview again asks for other lines (`previewAttempt`), as Regenerate promises.
  const attempts = useRef<Record<string, number>>({});
  const generate = () => {
    setPreviewedWith(specJson);
    const attempt = (attempts.current[specJson] = (attempts.current[specJson] ?? 0) + 1);
    const job = attempt > 1 ? JSON.stringify({ ...spec, previewAttempt: attempt }) : specJson;
    fetcher.submit({ intent: "preview", job }, { method: "post" });
  };
  // The first visit writes the preview at once; after that, only when asked.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    generate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const stale = previewedWith !== null && previewedWith !== specJson && !busy;
  return (
    <div className="step">
      <h2 className="step-title">Preview five lines</h2>
      <p className="muted">The first five rows of your list, written now. Previews are free.</p>
      <div aria-live="polite">
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> Writing five lines…
          </p>
        ) : null}
        {stale ? <Notice tone="info">You changed the settings since this preview. Regenerate to see the new lines.</Notice> : null}
      </div>
      {result && !result.ok ? (
        <Notice tone="error" title="The preview didn't work">
          <p>{result.error.message}</p>
        </Notice>
      ) : null}
      {result?.ok && "results" in result ? (
        result.results.length > 0 ? (
          <>
            <SampleModelNotice model={result.model} />
            <RowsTable rows={result.results} mapping={mapping} sample={isSampleModel(result.model)} label="Preview rows with their opening lines" />
          </>
        ) : (
          <Notice tone="warning">The preview came back without rows.</Notice>
        )
      ) : null}
      <div className="wizard-nav">
        <Link to={backHref} className="button secondary">
          Edit context
        </Link>
        <button type="button" className="button secondary" onClick={generate} disabled={busy}>
          {busy ? "Writing…" : "Regenerate"}
        </button>
        <button type="button" className="button" onClick={onContinue} disabled={busy}>
          Continue to run
        </button>
      </div>
    </div>
  );
}

