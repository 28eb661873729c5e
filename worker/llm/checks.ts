import { checkClaims, type ClaimProblem } from "./claims/check";
import type { ClaimKind } from "./claims/extract";
import { sourcesOf, type ClaimSource } from "./claims/sources";
import { SPAM_PHRASES } from "./spam-phrases";
import type { Evidence, LineContext, ProspectRow } from "./types";
import { countWords, wordBounds } from "./words";

/**
 * Checks a generated line before it counts (and is charged). A failure names its reason; the line
 * is regenerated once and, failing again, marked `failed` with that reason.
 */
export type CheckResult = { ok: true } | { ok: false; reason: string; feedback?: string };

export interface CheckOptions {
  /**
   * "claims" (default): every claim of the line must be in the data (worker/llm/claims). "cited":
   * the check before it, only cited evidence and digits; kept as the grounding benchmark's baseline.
   */
  grounding?: "claims" | "cited";
  /** More sources beyond the row and the service (the research engine's fact sheet). */
  extraSources?: ClaimSource[];
}

/** What a claim is called in the regeneration feedback: the kind, never the words (ADR 051). */
const KIND_NAMES: Record<ClaimKind, string> = {
  entity: "a name",
  number: "a number",
  time: "a date or time",
  event: "an event",
  tool: "a tool or practice",
};

function claimFailure(problem: ClaimProblem): { ok: false; reason: string; feedback: string } {
  if (problem.code === "evidence_mismatch") {
    return { ok: false, reason: `unsupported_claim: evidence "${problem.value}" (${problem.field}) is not in the data`, feedback: "its evidence quoted words that are not in the data" };
  }
  const kind = KIND_NAMES[problem.kind];
  if (problem.code === "uncited_claim") {
    return { ok: false, reason: `uncited_claim: ${kind} ("${problem.claim}") is in the data but not in the evidence`, feedback: `it used a fact without listing it in the evidence: ${kind}` };
  }
  return { ok: false, reason: `unsupported_claim: ${kind} ("${problem.claim}") is not in the data`, feedback: `it stated a fact that is not in the data: ${kind}` };
}

const LEGAL_SUFFIXES = new Set([
  "inc", "inc.", "llc", "ltd", "ltd.", "limited", "gmbh", "ag", "sa", "s.a.", "sarl", "sas", "bv", "b.v.", "nv", "plc",
  "corp", "corp.", "corporation", "co", "co.", "company", "kg", "ug", "oy", "ab", "as", "spa", "s.p.a.", "srl", "pty",
  "pte", "llp", "lp", "the", "&", "and",
]);
const GENERIC_WORDS = new Set([
  "group", "global", "international", "solutions", "services", "systems", "technologies", "technology", "partners",
  "holdings", "consulting", "software", "digital", "labs", "studio", "media", "capital", "ventures", "industries",
]);

export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function stripEdgePunctuation(text: string): string {
  return text.replace(/^[\s"'`.,;:!()[\]{}-]+|[\s"'`.,;:!()[\]{}-]+$/g, "");
}

/** The company is mentioned when its name (without legal suffix) or a distinctive word of it appears. */
export function mentionsCompany(line: string, company: string): boolean {
  const haystack = normalizeText(line);
  const words = normalizeText(company)
    .split(" ")
    .map(stripEdgePunctuation)
    .filter((word) => word && !LEGAL_SUFFIXES.has(word));
  if (words.length === 0) return true;
  if (haystack.includes(words.join(" "))) return true;
  return words.some((word) => word.length >= 4 && !GENERIC_WORDS.has(word) && haystack.includes(word));
}

function spamPhraseIn(line: string): string | undefined {
  const text = ` ${normalizeText(line).replace(/[^\p{L}\p{N}'%$-]+/gu, " ")} `;
  return SPAM_PHRASES.find((phrase) => text.includes(` ${phrase} `));
}

function fieldValue(row: ProspectRow, context: LineContext, field: string): string | undefined {
  const wanted = normalizeText(field);
  if (wanted === "service") return context.service;
  for (const [name, value] of Object.entries(row.fields)) if (normalizeText(name) === wanted) return value;
  return undefined;
}

/** Every evidence item names a real field and quotes words that are really in it. */
function unsupportedEvidence(evidence: Evidence[], row: ProspectRow, context: LineContext): string | undefined {
  for (const item of evidence) {
    const source = fieldValue(row, context, item.field);
    if (source === undefined) return `unknown field "${item.field}"`;
    const quoted = stripEdgePunctuation(normalizeText(item.value));
    if (quoted && !normalizeText(source).includes(quoted)) return `"${item.value}" is not in ${item.field}`;
  }
  return undefined;
}

/** Numbers in the line must come from the input: invented figures are the commonest made-up fact. */
function unsupportedNumber(line: string, row: ProspectRow, context: LineContext): string | undefined {
  const input = [...Object.values(row.fields), context.service].join(" ").replace(/[,.\s]/g, "");
  for (const match of line.matchAll(/\d[\d,.]*/g)) {
    const digits = match[0].replace(/[,.]+$/, "").replace(/[,.]/g, "");
    if (digits && !input.includes(digits)) return match[0].replace(/[,.]+$/, "");
  }
  return undefined;
}

export function checkLine(line: string, evidence: Evidence[], row: ProspectRow, context: LineContext, options: CheckOptions = {}): CheckResult {
  const text = line.trim();
  if (!text) return { ok: false, reason: "empty" };
  if (/\{\{[^}]*\}\}|\{\{|\}\}|\[(first[ _]?name|last[ _]?name|name|company|title)\]/i.test(text)) {
    return { ok: false, reason: "placeholder: unfilled template field" };
  }
  const { min, max } = wordBounds(context.maxWords);
  const words = countWords(text);
  if (words < min) return { ok: false, reason: `too_short: ${words} words (min ${min})` };
  if (words > max) return { ok: false, reason: `too_long: ${words} words (max ${max})` };
  if (text.includes("?") || text.includes("¿")) return { ok: false, reason: "question: the line asks a question" };
  const spam = spamPhraseIn(text);
  if (spam) return { ok: false, reason: `spam_phrase: "${spam}"` };
  const company = row.fields.company;
  if (company && !mentionsCompany(text, company)) return { ok: false, reason: "missing_company: the company is not named" };
  if (options.grounding === "cited") {
    const claim = unsupportedEvidence(evidence, row, context);
    if (claim) return { ok: false, reason: `unsupported_claim: ${claim}` };
    const number = unsupportedNumber(text, row, context);
    if (number) return { ok: false, reason: `unsupported_claim: the number ${number} is not in the input` };
    return { ok: true };
  }
  const claims = checkClaims({ line: text, evidence, sources: sourcesOf(row, context, options.extraSources), language: context.language });
  return claims.ok ? { ok: true } : claimFailure(claims.problem);
}
