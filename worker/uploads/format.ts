import { unsupportedType } from "./limits";

/** What the first bytes say a file is. */
export type SniffedFormat = "xlsx" | "text";

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** Binary formats people rename to `.csv` by mistake, each with a hint that helps. */
const KNOWN_BINARY: { name: string; test: (bytes: Uint8Array) => boolean; hint?: string }[] = [
  { name: "PNG image", test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: "PDF document", test: (b) => startsWith(b, ascii("%PDF-")) },
  { name: "JPEG image", test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: "GIF image", test: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) },
  { name: "WebP image", test: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  {
    name: "legacy Excel (.xls) or password-protected workbook",
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    hint: "Open it in Excel and save it as .xlsx or CSV (without a password).",
  },
  { name: "gzip archive", test: (b) => startsWith(b, [0x1f, 0x8b]), hint: "Unpack it and upload the CSV inside." },
  { name: "7-Zip archive", test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { name: "RAR archive", test: (b) => startsWith(b, ascii("Rar!\x1a\x07")) },
  { name: "SQLite database", test: (b) => startsWith(b, ascii("SQLite format 3\0")) },
  { name: "executable", test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(b, [0x00, 0x61, 0x73, 0x6d]) },
];

/**
 * Format by magic bytes, never by file name or Content-Type: ZIP means XLSX (checked further when its
 * directory is read); known binary formats are refused with 415; anything else is read as text.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  // An OpenDocument file is a ZIP too; its first entry, stored as is, names its type.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && startsWith(head, ascii(`mimetype${ODS_TYPE}`), 30)) {
    throw unsupportedType(
      "This is an OpenDocument spreadsheet (.ods), not a CSV or XLSX file. Open it in LibreOffice Calc (or Excel) and save it as Excel 2007-365 (.xlsx) or CSV.",
      { detected: "OpenDocument spreadsheet", accepted: ["csv", "tsv", "txt", "xlsx"] },
    );
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return "xlsx";
  for (const format of KNOWN_BINARY) {
    if (format.test(head)) {
      throw unsupportedType(
        `This is a ${format.name}, not a CSV or XLSX file.${format.hint ? ` ${format.hint}` : ""}`,
        { detected: format.name, accepted: ["csv", "tsv", "txt", "xlsx"] },
      );
    }
  }
  if (!looksLikeText(head)) {
    throw unsupportedType("This file is binary, not a CSV or XLSX file.", { detected: "binary", accepted: ["csv", "tsv", "txt", "xlsx"] });
  }
  return "text";
}

/**
 * Text has no NUL bytes (UTF-16 aside, which has them in every other byte) and few control characters.
 */
function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 8192);
  if (sample.length === 0) return true;
  if (utf16Guess(sample)) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  }
  return control / sample.length < 0.05;
}

/** UTF-16 without a BOM: ASCII-range text leaves a 0 byte in every other position. */
export function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = length / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return "utf-16le";
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return "utf-16be";
  return null;
}
