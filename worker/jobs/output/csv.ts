import { csvField } from "../../csv/write";
import { addedCells, outputHeader, outputRows, type OutputSource } from "./reader";

/**
 * CSV that Excel opens cleanly: UTF-8 with a BOM (so Excel does not guess Windows-1252), CRLF, and
 * cells that start like a formula (`= + - @`, tab, CR) prefixed with `'` so no spreadsheet runs them.
 */
/** How a cell that a spreadsheet would run as a formula starts (CSV and XLSX output alike). */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function excelCsvLine(values: string[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvField(neutralise(values[i]!));
  }
  return `${line}\r\n`;
}

export function csvStream(source: OutputSource): ReadableStream<Uint8Array> {
  const { plan } = source;
  const encoder = new TextEncoder();
  const rows = outputRows(source);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${excelCsvLine(outputHeader(plan.columns, source.options))}`));
        return;
      }
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      let text = "";
      for (const row of next.value) {
        const cells = plan.columns.map((_, c) => row.cells[c] ?? "");
        text += excelCsvLine([...cells, ...addedCells(row, source.options)]);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await rows.return(undefined);
      // A download dropped before its first row never started the reader: release the R2 body here.
      await source.body?.cancel().catch(() => undefined);
    },
  });
}
