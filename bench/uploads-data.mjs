// Prospect files for the upload benchmark, generated at run time into bench/data/ (gitignored).
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "data");
export const HEADER = "First Name,Last Name,Company Name,Job Title,Email,Website,LinkedIn URL,Industry,Employees,City,Country,Notes";

const FIRST = ["Ann", "José", "Zoë", "Łukasz", "Mia", "Noah", "Liam", "Emma", "Olivia", "Lucas", "Sofía", "François", "Chloé", "Ben", "李雷", "Priya", "Omar", "Jonas", "Elena", "Mateo"];
const LAST = ["Lee", "Müller", "García", "Kowalski", "Smith", "Dubois", "Rossi", "Nguyen", "Johansson", "Silva", "Brown", "Novak", "Schmidt", "Martin", "Wang"];
const WORDS = ["Acme", "Nimbus", "Vertex", "Bright", "Blue", "North", "Quantum", "Lumen", "Atlas", "Harbor", "Pine", "Orbit", "Summit", "Cedar", "Nova", "Pixel"];
const SUFFIX = ["Analytics", "Labs", "Systems", "Logistics", "Health", "Capital", "Software", "Robotics", "Foods", "Energy"];
const TITLES = ["Head of Sales", "CEO", "VP Marketing", "CTO", "Founder", "Sales Director", "Growth Lead", "Head of Operations", "Account Executive"];
const INDUSTRIES = ["Software", "Logistics", "Healthcare", "Financial Services", "Manufacturing", "Retail", "Energy"];
const SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000"];
const CITIES = [["Berlin", "Germany"], ["Paris", "France"], ["Madrid", "Spain"], ["Austin", "United States"], ["London", "United Kingdom"], ["Warsaw", "Poland"], ["Toronto", "Canada"]];
const NOTES = ["Met at SaaStr", "Wants a demo", "", "Pricing guide", "Intro via Dana", ""];

const ascii = (text) => text.normalize("NFD").replace(/[^\x00-\x7f]/g, "").toLowerCase();

/** One deterministic prospect row (about 180 bytes as CSV). */
export function prospect(i) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const word = WORDS[(i * 13) % WORDS.length];
  const suffix = SUFFIX[(i * 3) % SUFFIX.length];
  const domain = `${word}${suffix}${i % 997}`.toLowerCase();
  const company = i % 10 === 0 ? `"${word} ${suffix}, Inc"` : `${word} ${suffix}`;
  const [city, country] = CITIES[i % CITIES.length];
  const note = i % 20 === 0 ? `"Said ""call in May"", then quiet"` : NOTES[i % NOTES.length];
  const handle = `${ascii(first) || "li"}-${ascii(last)}-${i.toString(36)}`;
  return `${first},${last},${company},${TITLES[i % TITLES.length]},${ascii(first) || "li"}.${ascii(last)}${i}@${domain}.com,${domain}.com,https://www.linkedin.com/in/${handle},${INDUSTRIES[i % INDUSTRIES.length]},${SIZES[i % SIZES.length]},${city},${country},${note}`;
}

/** Writes `rows` prospects (plus header) unless the file is already there with the same row count. */
export async function ensureCsv(name, rows) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, name);
  const marker = `${path}.rows`;
  if (existsSync(path) && existsSync(marker) && Number(readFileSync(marker, "utf8")) === rows) return path;
  const out = createWriteStream(path);
  let buffer = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${prospect(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once("drain", resolve));
      buffer = "";
    }
  }
  out.end(buffer);
  await new Promise((resolve, reject) => out.on("finish", resolve).on("error", reject));
  writeFileSync(marker, String(rows));
  return path;
}

/** The smallest row count whose CSV reaches `bytes` (rows are ~180 bytes). */
export function rowsForBytes(bytes) {
  return Math.ceil(bytes / 180);
}

/**
 * A `rows`-row XLSX of the same prospects, built with the test fixture's writer. Like Excel (and
 * LibreOffice, openpyxl, SheetJS…), the sheet declares its used range in `<dimension>`, which the
 * fixture leaves out: the entries are built stored, the element is added, and they are zipped again.
 */
export async function ensureXlsx(name, rows) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, name);
  const marker = `${path}.rows`;
  const version = `${rows} with dimension`;
  if (existsSync(path) && existsSync(marker) && readFileSync(marker, "utf8") === version) return path;
  const { buildXlsx, columnLetters, zip } = await import("../test/fixtures/uploads/xlsx.ts");
  const { parseCsvLine } = await import("./uploads-csv-line.mjs");
  const header = HEADER.split(",");
  const sheet = [header];
  for (let i = 0; i < rows; i++) {
    const cells = parseCsvLine(prospect(i));
    // Employees as a number where it is one, as Excel users type it.
    sheet.push(cells.map((cell, c) => (c === 8 && /^\d+$/.test(cell) ? Number(cell) : cell)));
  }
  const entries = storedEntries(await buildXlsx([{ name: "Prospects", rows: sheet }], { compress: false }));
  const dimension = `<dimension ref="A1:${columnLetters(header.length - 1)}${rows + 1}"/>`;
  for (const entry of entries) {
    if (entry.name.startsWith("xl/worksheets/")) entry.data = new TextDecoder().decode(entry.data).replace("<sheetData>", `${dimension}<sheetData>`);
  }
  writeFileSync(path, await zip(entries));
  writeFileSync(marker, version);
  return path;
}

/** The entries of a ZIP whose entries are stored (not deflated), read from their local headers. */
function storedEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    entries.push({ name: new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)), data: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return entries;
}

export const sizeOf = (path) => statSync(path).size;
