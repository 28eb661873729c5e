import type { Evidence } from "./types";

export interface ParsedLine {
  line: string;
  evidence: Evidence[];
}

/** A prospect's entry: its first line, and every line it holds when several were asked for (variants). */
export interface ParsedEntry extends ParsedLine {
  variants: ParsedLine[];
}

/**
 * Reads the model's JSON answer into lines by prospect id. Tolerates a code fence around the JSON, a
 * bare array, numeric ids and evidence given as field names; anything else for a row means "no
 * answer for that row" (it is regenerated), never a crash.
 */
export function parseAnswer(content: string): Map<string, ParsedEntry> | null {
  const text = content.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "");
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.lines) ? data.lines : null;
  if (!items) {
    // A one-row answer may come as the entry itself.
    if (isObject(data) && "line" in data && "id" in data) return toMap([data]);
    return null;
  }
  return toMap(items);
}

function toMap(items: unknown[]): Map<string, ParsedEntry> {
  const lines = new Map<string, ParsedEntry>();
  for (const item of items) {
    if (!isObject(item)) continue;
    const id = typeof item.id === "string" || typeof item.id === "number" ? String(item.id).trim() : null;
    if (!id || lines.has(id)) continue;
    // Several lines come as `variants: [{line, evidence}]`; a plain entry is one line.
    const variants = Array.isArray(item.variants) ? item.variants.filter(isObject).slice(0, 10).map(toLine) : [toLine(item)];
    lines.set(id, { ...(variants[0] ?? { line: "", evidence: [] }), variants });
  }
  return lines;
}

function toLine(item: Record<string, unknown>): ParsedLine {
  return { line: typeof item.line === "string" ? item.line.trim() : "", evidence: toEvidence(item.evidence) };
}

function toEvidence(value: unknown): Evidence[] {
  if (!Array.isArray(value)) return [];
  const evidence: Evidence[] = [];
  for (const item of value.slice(0, 20)) {
    if (typeof item === "string") evidence.push({ field: item, value: "" });
    else if (isObject(item) && typeof item.field === "string") {
      const value = typeof item.value === "string" ? item.value : String(item.value ?? "");
      evidence.push({ field: item.field, value, ...(typeof item.url === "string" && /^https?:\/\//.test(item.url) ? { url: item.url } : {}) });
    }
  }
  return evidence;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
