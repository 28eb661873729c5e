import { useRef, useState, type DragEvent } from "react";
import { describeUploadError } from "../lib/doctor";
import { formatBytes } from "../lib/format";
import type { Upload } from "../lib/types";
import { uploadFile, type UploadHandle } from "../lib/upload-client";
import { Notice } from "./Notice";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; sent: number; total: number }
  | { kind: "reading"; name: string }
  | { kind: "error"; message: string };

const SAMPLE_LIST = "/sample-prospects.csv";

const ACCEPT = ".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Drag-and-drop or pick a file; it streams to the API with a progress bar for the bytes sent. */
export function UploadDropzone({ onUploaded }: { onUploaded: (upload: Upload) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const handle = useRef<UploadHandle | null>(null);
  const busy = phase.kind === "uploading" || phase.kind === "reading";

  async function start(file: File) {
    if (busy) return;
    setPhase({ kind: "uploading", name: file.name, sent: 0, total: file.size });
    handle.current = uploadFile(file, (sent, total) =>
      setPhase(sent >= total ? { kind: "reading", name: file.name } : { kind: "uploading", name: file.name, sent, total }),
    );
    const result = await handle.current.done;
    handle.current = null;
    if (result.ok) {
      setPhase({ kind: "idle" });
      onUploaded(result.upload);
    } else if (result.error.code === "aborted") {
      setPhase({ kind: "idle" });
    } else {
      setPhase({ kind: "error", message: describeUploadError(result.error) });
    }
  }

  /** The bundled sample list (web/public), uploaded like any file the user picks. */
  async function trySample() {
    const response = await fetch(SAMPLE_LIST).catch(() => null);
    if (!response?.ok) return setPhase({ kind: "error", message: "The sample list could not be loaded; reload the page and try again." });
    await start(new File([await response.blob()], "sample-prospects.csv", { type: "text/csv" }));
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void start(file);
  }

  return (
    <div className="upload">
      <div
        className={`dropzone${dragging ? " dropzone-active" : ""}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="dropzone-title">Drop your prospect list here</p>
        <p className="muted">
          CSV, TXT or Excel (.xlsx) up to 100 MB. Exports from HubSpot, Apollo, LinkedIn or Excel work as they are — semicolons,
          Windows encodings, title rows and all.
        </p>
        <label className={`button file-picker${busy ? " is-disabled" : ""}`}>
          Choose a file
          <input
            type="file"
            className="visually-hidden"
            accept={ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file) void start(file);
            }}
          />
        </label>
      </div>
      <p className="sample-list">
        No list at hand?{" "}
        <button type="button" className="button secondary small" disabled={busy} onClick={() => void trySample()}>
          Try it with a sample list
        </button>{" "}
        <span className="muted small">(10 made-up prospects)</span>
      </p>
      <div aria-live="polite" className="upload-status">
        {phase.kind === "uploading" ? (
          <div className="upload-progress">
            <label htmlFor="upload-progress">
              Uploading {phase.name}: {Math.floor((phase.sent / Math.max(phase.total, 1)) * 100)}% ({formatBytes(phase.sent)} of {formatBytes(phase.total)})
            </label>
            <progress id="upload-progress" value={phase.sent} max={Math.max(phase.total, 1)} />
            <button type="button" className="button secondary small" onClick={() => handle.current?.abort()}>
              Cancel upload
            </button>
          </div>
        ) : null}
        {phase.kind === "reading" ? (
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> Sent. Reading {phase.name}…
          </p>
        ) : null}
      </div>
      {phase.kind === "error" ? (
        <Notice tone="error" title="We couldn't use that file">
          <p>{phase.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
