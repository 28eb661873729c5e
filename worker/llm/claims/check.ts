import type { Evidence } from "../types";
import { extractClaims, type Claim, type ClaimKind } from "./extract";
import { languageOf, LEGAL_SUFFIXES, STOP_WORDS } from "./lexicon";
import { fold, stem } from "./normalize";
import { IDENTITY_FIELDS, indexSources, sameField, squash, type ClaimSource, type IndexedSource } from "./sources";

/**
 * The claim check: every claim of the line must be in a source (a row field, the service text, a
 * researched page), the facts it rests on (numbers, times, events, tools) must be cited in the
 * evidence, and each evidence item must quote words that are in the data.
 */
export type ClaimProblem =
  | { code: "unsupported_claim"; kind: ClaimKind; claim: string }
  | { code: "uncited_claim"; kind: ClaimKind; claim: string }
  | { code: "evidence_mismatch"; field: string; value: string };

export type ClaimCheck = { ok: true; claims: Claim[] } | { ok: false; problem: ClaimProblem };

export interface ClaimCheckInput {
  line: string;
  evidence: Evidence[];
  sources: ClaimSource[];
  /** The job's language code ("en", "de-AT", …); anything else is read as English. */
  language: string;
}

const withoutLegalSuffix = (text: string) => text.split(" ").filter((w) => !LEGAL_SUFFIXES.has(w)).join(" ");

/** Sources that hold this claim; empty when none does. */
function supportOf(claim: Claim, sources: IndexedSource[]): IndexedSource[] {
  switch (claim.kind) {
    case "entity": {
      // Function words carry no name, unless capitalised inside it (the "A" of "Series A").
      const words = claim.tokens.filter((t) => !(STOP_WORDS.has(t.word) && t.raw === t.raw.toLowerCase()) && !LEGAL_SUFFIXES.has(t.word)).map((t) => t.word);
      if (words.length === 0) return sources;
      // One letter or a bare number ("Series A", "Q3"): the whole name must be there, in order.
      if (words.some((w) => w.length === 1 || /^\d+$/.test(w))) {
        const phrase = withoutLegalSuffix(squash(claim.text));
        return sources.filter((s) => s.words.includes(` ${phrase} `));
      }
      const holders = sources.filter((s) => words.some((w) => holds(s, w)));
      return words.every((w) => holders.some((s) => holds(s, w))) ? holders : [];
    }
    case "number": {
      const { values, range } = claim.number;
      // A year is a date, not a quantity: "hundreds of stores" does not rest on "founded 1987".
      const inRange = (v: number) => range !== undefined && v >= range[0] && v <= range[1] && !(Number.isInteger(v) && v >= 1900 && v <= 2100);
      const holders = sources.filter((s) => values.some((v) => s.numbers.has(v)) || [...s.numbers].some(inRange));
      if (holders.length > 0 || !claim.countsPlaces) return holders;
      // "two cities", "a second country": the data names that many places (counted over the row).
      const named = sources.filter((s) => s.names.size > 0 && !IDENTITY_FIELDS.has(s.source.field) && s.source.field !== "service");
      const places = new Set(named.flatMap((s) => [...s.names]));
      return values.some((v) => Number.isInteger(v) && v >= 2 && v <= places.size) ? named : [];
    }
    case "time":
      return sources.filter((s) => (claim.month ? s.months.has(claim.month) || s.text.includes(claim.month) : s.hasTime || s.stems.has(stem(fold(claim.text)))));
    case "event":
      // "Congrats on …" rests on whatever event the data reports.
      return sources.filter((s) => claim.groups.some((group) => (group === "announcement" ? s.events.size > 0 : s.events.has(group))));
    case "tool":
      return sources.filter((s) => holds(s, claim.word));
  }
}

function holds(source: IndexedSource, word: string): boolean {
  if (source.stems.has(word) || source.stems.has(stem(word))) return true;
  // Hyphenated and compound names: "e-commerce" meets "ecommerce", "H&M" meets "h & m".
  const bare = word.replace(/[-.&']/g, "");
  return bare.length >= 3 && source.bare.includes(bare);
}

/** Every evidence item quotes words in the field it names, or (accepted) in another source. */
function evidenceMismatch(evidence: Evidence[], sources: IndexedSource[]): ClaimProblem | undefined {
  for (const item of evidence) {
    const named = sources.filter((s) => sameField(s.source.field, item.field));
    const quoted = squash(item.value);
    if (!quoted) {
      if (named.length === 0) return { code: "evidence_mismatch", field: item.field, value: item.value };
      continue;
    }
    const bare = withoutLegalSuffix(quoted);
    const inside = (s: IndexedSource) => s.words.includes(quoted) || (bare !== "" && s.words.includes(bare));
    if (named.some(inside) || sources.some(inside)) continue;
    return { code: "evidence_mismatch", field: item.field, value: item.value };
  }
  return undefined;
}

/** The evidence covers a source when it names its field or quotes words from it. */
function cited(source: IndexedSource, evidence: Evidence[]): boolean {
  return evidence.some((item) => {
    if (sameField(item.field, source.source.field)) return true;
    const quoted = squash(item.value);
    return quoted !== "" && source.words.includes(quoted);
  });
}

const needsCitation = (source: IndexedSource) => source.source.field !== "service" && !IDENTITY_FIELDS.has(source.source.field);

const quotesService = (windows: string[], sources: IndexedSource[]) =>
  sources.some((s) => s.source.field === "service" && windows.some((w) => s.words.includes(` ${w} `)));

export function checkClaims(input: ClaimCheckInput): ClaimCheck {
  const sources = indexSources(input.sources);
  const mismatch = evidenceMismatch(input.evidence, sources);
  if (mismatch) return { ok: false, problem: mismatch };
  const identity = sources.filter((s) => IDENTITY_FIELDS.has(s.source.field));
  const prospectWords = new Set<string>();
  for (const s of identity) for (const word of s.words.trim().split(" ")) if (word.length > 1 && !LEGAL_SUFFIXES.has(word)) prospectWords.add(word);
  const claims = extractClaims(input.line, {
    language: languageOf(input.language),
    prospectWords,
    known: (word) => sources.some((s) => holds(s, word)),
  });
  const rowSources = sources.filter((s) => s.source.field !== "service");
  for (const claim of claims) {
    // The sender's text says what the sender does: an event or tool of the prospect must be in their data.
    // … unless the line quotes the sender's own words there ("SOC 2 compliance for seed to Series B").
    const about = (claim.kind === "event" || claim.kind === "tool") && claim.aboutProspect && !quotesService(claim.windows, sources);
    const support = supportOf(claim, about ? rowSources : sources);
    if (support.length === 0) return { ok: false, problem: { code: "unsupported_claim", kind: claim.kind, claim: claim.text } };
    if (claim.kind === "entity") continue;
    if (support.every(needsCitation) && !support.some((s) => cited(s, input.evidence))) {
      return { ok: false, problem: { code: "uncited_claim", kind: claim.kind, claim: claim.text } };
    }
  }
  return { ok: true, claims };
}
