/**
 * Numbers and dates as Excel shows them, from a cell's number format. Covers what prospect lists use:
 * General, fixed decimals, thousands separators, percentages, scientific, currency/literal text,
 * sections (positive;negative;zero;text) and date/time codes. Anything else falls back to General.
 *
 * General is written with up to 15 significant digits and without exponent below 1e15 (Excel's own
 * precision, and what its formula bar shows), so phone numbers and IDs keep every digit.
 */

/** Built-in formats (ECMA-376 18.8.30). 14 is the short date, shown here as en-US Excel shows it. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export function builtInFormat(id: number): string {
  return BUILT_IN[id] ?? (id >= 27 && id <= 36 ? "m/d/yyyy" : id >= 50 && id <= 58 ? "m/d/yyyy" : "General");
}

export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes("e")) return text;
  const [mantissa, exponent] = text.split("e");
  const sign = exponent!.startsWith("-") ? "-" : "+";
  return `${mantissa}E${sign}${exponent!.replace(/^[+-]/, "").padStart(2, "0")}`;
}

interface Section {
  code: string;
  isDate: boolean;
  /** The section has its own sign (a negative section), so the value is shown without `-`. */
  condition?: { op: string; value: number };
}

const cache = new Map<string, Section[]>();

function sectionsOf(format: string): Section[] {
  let sections = cache.get(format);
  if (sections) return sections;
  sections = splitSections(format).map((code) => {
    const condition = /^\[(<=|>=|<>|<|>|=)(-?[\d.]+)\]/.exec(code);
    const cleaned = code.replace(/\[(?:Red|Black|Blue|Cyan|Green|Magenta|White|Yellow|Color\s*\d+)\]/gi, "").replace(/^\[(<=|>=|<>|<|>|=)(-?[\d.]+)\]/, "");
    return { code: cleaned, isDate: isDateCode(cleaned), ...(condition ? { condition: { op: condition[1]!, value: Number(condition[2]) } } : {}) };
  });
  if (cache.size > 500) cache.clear();
  cache.set(format, sections);
  return sections;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end === -1 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (char === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (char === ";") {
      sections.push(current);
      current = "";
    } else current += char;
  }
  sections.push(current);
  return sections;
}

/** Outside quotes, escapes and brackets, a date format has y, m, d, h or s. */
export function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
  if (/general/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare.replace(/[eE][+-]/g, ""));
}

export function isDateFormat(format: string): boolean {
  return sectionsOf(format).some((section) => section.isDate);
}

/** Formats a numeric cell value with its number format code. */
export function formatNumber(value: number, format: string, date1904: boolean): string {
  if (format === "General" || format === "@" || format === "") return formatGeneral(value);
  const sections = sectionsOf(format);
  let section = sections[0]!;
  let signed = true;
  if (sections.some((candidate) => candidate.condition)) {
    const fitting = sections.find((candidate) => !candidate.condition || compare(value, candidate.condition));
    if (fitting) section = fitting;
  } else if (value < 0 && sections.length >= 2) {
    section = sections[1]!;
    signed = false;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2]!;
  }
  try {
    if (section.isDate) return formatDate(value, section.code, date1904) ?? formatGeneral(value);
    const text = formatPlain(signed ? value : Math.abs(value), section.code);
    return text ?? formatGeneral(value);
  } catch {
    return formatGeneral(value);
  }
}

function compare(value: number, { op, value: limit }: { op: string; value: number }): boolean {
  switch (op) {
    case "<": return value < limit;
    case "<=": return value <= limit;
    case ">": return value > limit;
    case ">=": return value >= limit;
    case "=": return value === limit;
    default: return value !== limit;
  }
}

/** A number format without dates; null when the code uses something not handled (fractions). */
function formatPlain(value: number, code: string): string | null {
  if (/\?\/|#\s*\?/.test(code)) return null;
  // Placeholders (0 # ? . , % E+) vs literals: quoted text, escapes, `_x` (space), `*x` (fill), `[$€-407]`.
  const parts: { literal: boolean; text: string }[] = [];
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (char === '"') {
      const end = code.indexOf('"', i + 1);
      parts.push({ literal: true, text: code.slice(i + 1, end === -1 ? code.length : end) });
      i = end === -1 ? code.length : end;
    } else if (char === "\\") {
      parts.push({ literal: true, text: code[i + 1] ?? "" });
      i++;
    } else if (char === "_") {
      parts.push({ literal: true, text: " " });
      i++;
    } else if (char === "*") {
      i++;
    } else if (char === "[") {
      const end = code.indexOf("]", i);
      const inside = code.slice(i + 1, end === -1 ? code.length : end);
      if (inside.startsWith("$")) parts.push({ literal: true, text: inside.slice(1).split("-")[0]! });
      i = end === -1 ? code.length : end;
    } else if ("0#?.,%".includes(char)) {
      parts.push({ literal: false, text: char });
    } else if ((char === "E" || char === "e") && (code[i + 1] === "+" || code[i + 1] === "-")) {
      parts.push({ literal: false, text: `E${code[i + 1]}` });
      i++;
    } else {
      parts.push({ literal: true, text: char });
    }
  }
  const pattern = parts.filter((part) => !part.literal).map((part) => part.text).join("");
  if (!/[0#?]/.test(pattern)) return parts.filter((part) => part.literal).map((part) => part.text).join("");

  const scaled = value * 100 ** (pattern.match(/%/g) ?? []).length;
  const numberPattern = pattern.replace(/%/g, "");
  const exponentAt = numberPattern.search(/E[+-]/);
  let body: string;
  if (exponentAt !== -1) {
    const decimals = (numberPattern.slice(0, exponentAt).split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
    const exponentDigits = (numberPattern.slice(exponentAt + 2).match(/0/g) ?? []).length || 1;
    const [mantissa, exponentText] = Math.abs(scaled).toExponential(decimals).split("e");
    const exponent = Number(exponentText);
    const sign = exponent < 0 ? "-" : numberPattern[exponentAt + 1] === "+" ? "+" : "";
    body = `${mantissa}E${sign}${String(Math.abs(exponent)).padStart(exponentDigits, "0")}`;
  } else {
    // Commas after the last digit placeholder scale by 1,000 each; one between placeholders groups thousands.
    const thousandsScale = /,+$/.exec(numberPattern)?.[0].length ?? 0;
    const [integerPattern = "", fractionPattern = ""] = numberPattern.replace(/,+$/, "").split(".");
    const integerSlots = integerPattern;
    const minInteger = (integerSlots.match(/0/g) ?? []).length;
    const minDecimals = (fractionPattern.match(/0/g) ?? []).length;
    const maxDecimals = (fractionPattern.match(/[0#?]/g) ?? []).length;
    const fixed = Math.abs(scaled / 1000 ** thousandsScale).toFixed(maxDecimals);
    let [integerPart = "", fractionPart = ""] = fixed.split(".");
    fractionPart = fractionPart.replace(/0+$/, "").padEnd(minDecimals, "0");
    if (integerPart === "0" && minInteger === 0) integerPart = "";
    integerPart = integerPart.padStart(minInteger, "0");
    if (integerSlots.includes(",")) integerPart = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    body = maxDecimals > 0 ? `${integerPart}.${fractionPart}` : integerPart;
  }
  let out = "";
  let placed = false;
  for (const part of parts) {
    if (part.literal) out += part.text;
    else if (part.text === "%") out += "%";
    else if (!placed) {
      out += body;
      placed = true;
    }
  }
  return scaled < 0 && /[1-9]/.test(body) ? `-${out}` : out;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Serial day number → date parts (Excel's 1900 system counts the non-existent 1900-02-29). */
function dateParts(serial: number, date1904: boolean) {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds === 86400) {
    days++;
    seconds = 0;
  }
  let year: number;
  let month: number;
  let day: number;
  let weekday: number;
  if (!date1904 && days === 60) {
    [year, month, day, weekday] = [1900, 2, 29, 3];
  } else {
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    const date = new Date(epoch + days * 86400000);
    [year, month, day, weekday] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
  }
  return { year, month, day, weekday, hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60, fraction: serial - Math.floor(serial) };
}

function formatDate(serial: number, code: string, date1904: boolean): string | null {
  if (serial < 0 || serial > 2958465) return null;
  const parts = dateParts(serial, date1904);
  const tokens = code.match(/"[^"]*"|\\.|\[h+\]|\[m+\]|\[s+\]|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|A\/P|a\/p|\.0+|_.|\*.|./gi) ?? [];
  const hasAmPm = tokens.some((token) => /^(am\/pm|a\/p)$/i.test(token));
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    // m/mm right after an hour or before a second are minutes.
    const previous = tokens.slice(0, i).reverse().find((t) => /^[a-z\[]/i.test(t))?.toLowerCase() ?? "";
    const following = tokens.slice(i + 1).find((t) => /^[a-z\[]/i.test(t))?.toLowerCase() ?? "";
    const minutes = (lower === "m" || lower === "mm") && (/^(h|hh|\[h+\])$/.test(previous) || /^(s|ss)$/.test(following));
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    const hour12 = parts.hours % 12 === 0 ? 12 : parts.hours % 12;
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (token.startsWith("_")) out += " ";
    else if (token.startsWith("*")) continue;
    else if (/^\[h+\]$/i.test(token)) out += pad(Math.floor(serial * 24), token.length - 2);
    else if (/^\[m+\]$/i.test(token)) out += pad(Math.floor(serial * 1440), token.length - 2);
    else if (/^\[s+\]$/i.test(token)) out += pad(Math.round(serial * 86400), token.length - 2);
    else if (token.startsWith("[")) {
      if (token.startsWith("[$")) out += token.slice(2, -1).split("-")[0];
    } else if (lower === "yyyy") out += pad(parts.year, 4);
    else if (lower === "yy") out += pad(parts.year % 100, 2);
    else if (minutes) out += lower === "mm" ? pad(parts.minutes, 2) : String(parts.minutes);
    else if (lower === "mmmmm") out += MONTHS[parts.month - 1]![0];
    else if (lower === "mmmm") out += MONTHS[parts.month - 1];
    else if (lower === "mmm") out += MONTHS[parts.month - 1]!.slice(0, 3);
    else if (lower === "mm") out += pad(parts.month, 2);
    else if (lower === "m") out += String(parts.month);
    else if (lower === "dddd") out += DAYS[parts.weekday];
    else if (lower === "ddd") out += DAYS[parts.weekday]!.slice(0, 3);
    else if (lower === "dd") out += pad(parts.day, 2);
    else if (lower === "d") out += String(parts.day);
    else if (lower === "hh") out += pad(hasAmPm ? hour12 : parts.hours, 2);
    else if (lower === "h") out += String(hasAmPm ? hour12 : parts.hours);
    else if (lower === "ss") out += pad(parts.seconds, 2);
    else if (lower === "s") out += String(parts.seconds);
    else if (lower === "am/pm") out += parts.hours < 12 ? "AM" : "PM";
    else if (lower === "a/p") out += parts.hours < 12 ? (token[0] === "a" ? "a" : "A") : token[0] === "a" ? "p" : "P";
    else if (token.startsWith(".0")) out += `.${String(Math.floor(((parts.fraction * 86400) % 1) * 10 ** (token.length - 1))).padStart(token.length - 1, "0")}`;
    else out += token;
  }
  return out;
}
