import { formatDay, formatNumber } from "../lib/format";
import { dailyUsage, niceMax } from "../lib/usage";
import type { LedgerEntry } from "../lib/types";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 24, left: 44 };

/**
 * Credits used per day, as inline SVG bars (no chart library): a titled image for screen readers,
 * with the total and the busiest day in its description, and a tooltip per bar.
 */
export function UsageChart({ entries, days = 30, now }: { entries: LedgerEntry[]; days?: number; now?: Date }) {
  const usage = dailyUsage(entries, days, now);
  const total = usage.reduce((sum, day) => sum + day.used, 0);
  const busiest = usage.reduce((best, day) => (day.used > best.used ? day : best), usage[0]!);
  const max = niceMax(busiest.used);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / days;
  const description =
    total === 0
      ? `No credits used in the last ${days} days.`
      : `${formatNumber(total)} credits used in the last ${days} days; the busiest day was ${formatDay(busiest.day)} with ${formatNumber(busiest.used)}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="usage-title usage-desc">
        <title id="usage-title">{`Credits used per day, last ${days} days`}</title>
        <desc id="usage-desc">{description}</desc>
        {[0, 0.5, 1].map((fraction) => {
          const y = PAD.top + plotHeight * (1 - fraction);
          return (
            <g key={fraction} className="chart-grid">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {formatNumber(Math.round(max * fraction))}
              </text>
            </g>
          );
        })}
        {usage.map((day, index) => {
          const height = (day.used / max) * plotHeight;
          return (
            <rect
              key={day.day.toISOString()}
              className="chart-bar"
              x={PAD.left + index * slot + slot * 0.15}
              y={PAD.top + plotHeight - height}
              width={slot * 0.7}
              height={Math.max(height, day.used > 0 ? 1 : 0)}
            >
              <title>{`${formatDay(day.day)}: ${formatNumber(day.used)} credits`}</title>
            </rect>
          );
        })}
        <text className="chart-axis" x={PAD.left} y={HEIGHT - 6}>
          {formatDay(usage[0]!.day)}
        </text>
        <text className="chart-axis" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
          {formatDay(usage[usage.length - 1]!.day)}
        </text>
      </svg>
      <figcaption>{description}</figcaption>
    </figure>
  );
}
