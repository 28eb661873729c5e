import type { JobStatus } from "../lib/types";

const LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  paused: "Paused",
  succeeded: "Done",
  failed: "Failed",
  canceled: "Canceled",
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge badge-${status}`}>{LABELS[status] ?? status}</span>;
}

const ROW_LABELS: Record<string, string> = {
  succeeded: "Written",
  generated: "Written",
  ok: "Written",
  failed: "Failed",
  skipped: "Skipped",
  pending: "Waiting",
  queued: "Waiting",
};

export function RowStatus({ status }: { status: string }) {
  const tone = ["succeeded", "generated", "ok"].includes(status) ? "ok" : status === "failed" ? "bad" : "muted";
  return <span className={`row-status row-status-${tone}`}>{ROW_LABELS[status] ?? status}</span>;
}
