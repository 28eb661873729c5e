/** Formatting shared by server and browser; fixed locale and time zone so hydration matches. */

const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export const formatNumber = (n: number) => numberFormat.format(n);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : `${dateFormat.format(date)} UTC`;
}

export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "45 s", "3 min", "1 h 20 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The wizard's cost line: "9,812 rows → 9,812 credits; you have 12,500". One credit per generated line. */
export function costSentence(rows: number, balance: number, variants = 1): string {
  const perRow = variants > 1 ? ` × ${variants} lines` : "";
  return `${plural(rows, "row")}${perRow} → ${plural(rows * variants, "credit")}; you have ${formatNumber(balance)}`;
}

export function formatMoney(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: amountMinor % 100 === 0 ? 0 : 2 }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** "rows 3, 4 and 9" / "rows 3, 4, 5, … and 40 more". */
export function describeRows(rows: number[] | undefined, shown = 8): string {
  if (!rows || rows.length === 0) return "";
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length <= shown) return `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
  return `rows ${rows.slice(0, shown).join(", ")} and ${formatNumber(rows.length - shown)} more`;
}
