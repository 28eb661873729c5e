import { describeRows, formatBytes, formatNumber, plural } from "./format";
import type { Upload } from "./types";

export interface Finding {
  tone: "ok" | "info" | "warning";
  text: string;
}

const DELIMITERS: Record<string, string> = {
  ",": "commas (,)",
  ";": "semicolons (;) — usual for Excel in much of Europe",
  "\t": "tabs",
  "|": "vertical bars (|)",
};

const ENCODINGS: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with a byte-order mark (as Excel saves it)",
  "utf-16le": "UTF-16 (little-endian), as Excel's “Unicode text” saves it",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (older Excel on Windows); accents were converted to UTF-8",
  "iso-8859-1": "Latin-1 (ISO 8859-1); accents were converted to UTF-8",
};

/** The file doctor's findings in plain words: what we read, how, and what looks off (with row numbers). */
export function doctorFindings(upload: Upload): Finding[] {
  const findings: Finding[] = [];
  const kind = upload.format === "xlsx" ? "an Excel workbook" : "a CSV file";
  findings.push({ tone: "ok", text: `Read ${upload.filename} as ${kind} (${formatBytes(upload.sizeBytes)}).` });
  if (upload.format === "xlsx") {
    if (upload.sheetName) findings.push({ tone: "info", text: `Used the sheet “${upload.sheetName}”.` });
  } else {
    if (upload.encoding) {
      findings.push({ tone: "ok", text: `Text encoding: ${ENCODINGS[upload.encoding.toLowerCase()] ?? upload.encoding}.` });
    }
    if (upload.delimiter) {
      findings.push({ tone: "ok", text: `Columns are separated by ${DELIMITERS[upload.delimiter] ?? `“${upload.delimiter}”`}.` });
    }
  }
  findings.push(
    upload.headerRow > 1
      ? {
          tone: "info",
          text: `The column names are on row ${upload.headerRow}; the ${plural(upload.headerRow - 1, "line")} above it (a title) were skipped.`,
        }
      : { tone: "ok", text: "The column names are on the first row." },
  );
  findings.push({
    tone: upload.rowCount > 0 ? "ok" : "warning",
    text:
      upload.rowCount > 0
        ? `${plural(upload.rowCount, "prospect")} in ${plural(upload.columns.length, "column")} (blank lines are not counted).`
        : "No prospects found under the header row.",
  });
  for (const warning of upload.warnings ?? []) {
    const where = describeRows(warning.rows);
    findings.push({ tone: "warning", text: where ? `${warning.message} (${where}).` : ensurePeriod(warning.message) });
  }
  return findings;
}

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * An upload error (413/415/422…) explained: the API's sentence, where it happened when the sentence
 * does not say already, and what to do about it. Machine reasons (`invalid_zip`) are not shown.
 */
export function describeUploadError(error: { code: string; message: string; details?: Record<string, unknown> }): string {
  const details = error.details ?? {};
  const base = ensurePeriod(error.message || "The file could not be read");
  const where: string[] = [];
  for (const key of ["line", "row", "column", "sheet"] as const) {
    const value = details[key];
    if ((typeof value === "number" || typeof value === "string") && !base.includes(String(value))) {
      where.push(`${key} ${typeof value === "number" ? formatNumber(value) : value}`);
    }
  }
  const reason = typeof details.reason === "string" && details.reason.includes(" ") && !base.includes(details.reason) ? details.reason : null;
  const located = where.length > 0 || ["line", "row", "column"].some((key) => details[key] !== undefined);
  const hint =
    error.code === "unparseable_file"
      ? located
        ? "Open the file in Excel or Google Sheets, fix that spot, and export it again as CSV or XLSX."
        : "Open the file in Excel or Google Sheets and save it again as CSV UTF-8 or XLSX."
      : UPLOAD_HINTS[error.code];
  return [base, where.length ? `Where: ${where.join(", ")}.` : "", reason ? `Why: ${ensurePeriod(reason)}` : "", hint].filter(Boolean).join(" ");
}

const UPLOAD_HINTS: Record<string, string> = {
  file_too_large: "Split the list into smaller files and upload them one by one.",
  unsupported_file_type: "Upload a .csv, .txt or .xlsx file (in Excel: File → Save As → CSV UTF-8).",
  rate_limited: "Wait a moment and try again.",
};
