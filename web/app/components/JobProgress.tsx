import { formatDuration, formatNumber } from "../lib/format";
import { percentDone } from "../lib/progress";
import type { Job } from "../lib/types";

/** The bar and the numbers: rows done, written, failed, pace and time left. */
export function JobProgress({ job, rate, eta }: { job: Job; rate: number | null; eta: number | null }) {
  const percent = percentDone(job);
  const running = job.status === "running" || job.status === "queued";
  return (
    <div className="progress-block">
      <div
        className="bar"
        role="progressbar"
        aria-label="Rows processed"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${formatNumber(job.processed)} of ${formatNumber(job.total)} rows`}
      >
        <div className={`bar-fill bar-${job.status}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-line">
        <strong data-testid="percent">{percent}%</strong> · {formatNumber(job.processed)} of {formatNumber(job.total)} rows
        {running && rate ? ` · ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} rows/s` : ""}
        {running && eta !== null ? ` · about ${formatDuration(eta)} left` : ""}
      </p>
      <dl className="stats">
        <div>
          <dt>Written</dt>
          <dd data-testid="succeeded">{formatNumber(job.succeeded)}</dd>
        </div>
        <div>
          <dt>Failed (free)</dt>
          <dd data-testid="failed">{formatNumber(job.failed)}</dd>
        </div>
        <div>
          <dt>Credits charged</dt>
          <dd data-testid="charged">{formatNumber(job.creditsCharged)}</dd>
        </div>
        <div>
          <dt>Credits on hold</dt>
          <dd data-testid="held">{formatNumber(job.creditsHeld)}</dd>
        </div>
      </dl>
    </div>
  );
}
