import { formatBytes, LIMITS, unparseable, unsupportedType } from "../limits";
import { attribute } from "./xml";
import { openEntry, readZipDirectory, type ZipEntry } from "./zip";

export interface SheetInfo {
  name: string;
  /** Path of the sheet's XML inside the ZIP. */
  path: string;
  hidden: boolean;
}

export interface Workbook {
  entries: Map<string, ZipEntry>;
  sheets: SheetInfo[];
  sharedStringsPath: string | null;
  stylesPath: string | null;
  /** Dates count from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

/** Reads the ZIP directory and the workbook's structure: sheets in order, shared strings and styles. */
export async function openWorkbook(bucket: R2Bucket, key: string, size: number): Promise<Workbook> {
  const entries = await readZipDirectory(bucket, key, size);
  const read = (path: string) => readSmallPart(bucket, key, entries, path);

  const rootRels = entries.has("_rels/.rels") ? relationships(await read("_rels/.rels"), "") : [];
  const workbookPath = rootRels.find((rel) => rel.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  if (workbookPath.endsWith(".bin") || entries.has("xl/workbook.bin")) {
    throw unsupportedType("This is a binary Excel workbook (.xlsb); save it as .xlsx or CSV.", { detected: "xlsb" });
  }
  if (!entries.has(workbookPath)) {
    throw unsupportedType("This is a ZIP archive but not an Excel workbook (no xl/workbook.xml); upload the CSV or XLSX itself.", { detected: "zip" });
  }
  const workbookXml = await read(workbookPath);
  const directory = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${directory}_rels/${workbookPath.slice(directory.length)}.rels`;
  const rels = entries.has(relsPath) ? relationships(await read(relsPath), directory) : [];
  const byId = new Map(rels.map((rel) => [rel.id, rel]));

  const sheets: SheetInfo[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const tag = match[0];
    const id = attribute(tag, "r:id") ?? attribute(tag, "id");
    const target = id ? byId.get(id)?.target : undefined;
    if (!target || !entries.has(target)) continue;
    const state = attribute(tag, "state");
    sheets.push({ name: attribute(tag, "name") ?? `Sheet${sheets.length + 1}`, path: target, hidden: state === "hidden" || state === "veryHidden" });
  }
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const date1904 = /^(1|true)$/i.test(attribute(workbookPr, "date1904") ?? "");
  return {
    entries,
    sheets,
    sharedStringsPath: rels.find((rel) => rel.type.endsWith("/sharedStrings") && entries.has(rel.target))?.target ?? null,
    stylesPath: rels.find((rel) => rel.type.endsWith("/styles") && entries.has(rel.target))?.target ?? null,
    date1904,
  };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, directory: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], "Id");
    const type = attribute(match[0], "Type") ?? "";
    const target = attribute(match[0], "Target");
    if (!id || !target || attribute(match[0], "TargetMode") === "External") continue;
    rels.push({ id, type, target: resolvePath(directory, target) });
  }
  return rels;
}

function resolvePath(directory: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : directory + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

/** A small part (workbook, relationships, styles) as text, bounded. */
export async function readSmallPart(bucket: R2Bucket, key: string, entries: Map<string, ZipEntry>, path: string): Promise<string> {
  const entry = entries.get(path);
  if (!entry) return "";
  if (entry.uncompressedSize > LIMITS.maxSmallPartBytes) {
    throw unparseable(`The workbook part ${path} is larger than ${formatBytes(LIMITS.maxSmallPartBytes)}, the limit.`, {
      reason: "part_too_large",
      part: path,
      limitBytes: LIMITS.maxSmallPartBytes,
    });
  }
  const stream = await openEntry(bucket, key, entry, LIMITS.maxSmallPartBytes);
  try {
    return await new Response(stream).text();
  } catch (error) {
    if (error instanceof Error && "status" in error) throw error;
    throw unparseable(`The workbook part ${path} is damaged and cannot be inflated.`, { reason: "invalid_zip", part: path });
  }
}
