/**
 * Writer for the normalized CSV form (see worker/uploads/normalized.ts): `,` delimiter, `\n` after every
 * record, a field quoted only when it holds `"`, `,`, `\r` or `\n`, quotes doubled.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: string[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvField(values[i]!);
  }
  return line + "\n";
}
