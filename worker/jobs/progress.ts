import { RATE_WINDOW_MS } from "./constants";

/**
 * Rows per second over a sliding window, and the ETA it implies. Kept in memory by the JobRoom: after
 * an eviction the rate simply starts again from the next progress report.
 */
export class RateMeter {
  private samples: Array<{ at: number; processed: number }> = [];

  constructor(private readonly windowMs = RATE_WINDOW_MS) {}

  record(processed: number, at = Date.now()): void {
    const last = this.samples[this.samples.length - 1];
    if (last && last.processed === processed) return;
    if (last && processed < last.processed) this.samples = [];
    this.samples.push({ at, processed });
    while (this.samples.length > 2 && this.samples[0]!.at < at - this.windowMs) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  rowsPerSecond(now = Date.now()): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0]!;
    const last = this.samples[this.samples.length - 1]!;
    // Idle for a whole window: no meaningful rate.
    if (now - last.at > this.windowMs) return null;
    const seconds = (Math.max(now, last.at) - first.at) / 1000;
    if (seconds <= 0) return null;
    return Math.round(((last.processed - first.processed) / seconds) * 10) / 10;
  }

  etaSeconds(remaining: number, now = Date.now()): number | null {
    const rate = this.rowsPerSecond(now);
    if (!rate || rate <= 0) return null;
    return Math.ceil(remaining / rate);
  }
}
