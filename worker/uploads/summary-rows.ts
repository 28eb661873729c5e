import type { WarningCollector } from "./warnings";

/**
 * Summary rows under the data: a spreadsheet's "Total" line after a blank row is not a prospect.
 * Only a row after a blank one whose first filled cell is a total's label counts as one, so a
 * company called "Total Energies" in the middle of a list stays a prospect.
 */
const TOTAL_LABELS = new Set([
  "total", "totals", "grand total", "sum", "subtotal", "sub-total", "summe", "gesamt", "gesamtsumme", "total général",
  "totaal", "totale", "suma", "somme", "totalt", "summa",
]);

export function isSummaryRow(cells: string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== "");
  return first !== undefined && TOTAL_LABELS.has(first.trim().toLowerCase().replace(/[:.]$/, "").trim());
}

/** Follows blank rows as they stream by and skips a summary row after one, saying so in the warnings. */
export class SummaryRowFilter {
  private afterBlank = false;
  private skipped = 0;

  constructor(private readonly warnings: WarningCollector) {}

  /** A blank row went by (it is not written either). */
  blank(): void {
    this.afterBlank = true;
  }

  /** Whether the next row needs its cells looked at (only after a blank row, so the fast path stays fast). */
  get watching(): boolean {
    return this.afterBlank;
  }

  /** True when `cells` (at `where`, e.g. "line 14") is a summary row to leave out. */
  skip(cells: string[], where: string): boolean {
    const summary = this.afterBlank && isSummaryRow(cells);
    this.afterBlank = false;
    if (summary && this.skipped++ < 5) {
      const label = cells.find((cell) => cell.trim() !== "")!.trim().slice(0, 40);
      this.warnings.note("summary_row", `The “${label}” row at ${where} looks like a total under the data, so it is not counted as a prospect.`);
    }
    return summary;
  }
}
