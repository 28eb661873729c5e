/**
 * Text folding shared by claim extraction and source lookup: both sides go through the same steps,
 * so "Müller", "MULLER" and "Muller's" meet, as do "hiring", "hired" and "hires".
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents removed (é → e, ß → ss), curly quotes straightened. */
export function fold(text: string): string {
  // Most words are plain ASCII: lower-casing is all they need (the Unicode path costs ~10× more).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

export interface Token {
  /** As written in the line (accents and case kept), for capitalisation and reporting. */
  raw: string;
  /** Folded. */
  word: string;
  /** Index of the first character in the text. */
  at: number;
  /** A sentence ends before this token (first token, or after . ! ?). */
  sentenceStart: boolean;
  /** A clause ends before this token (sentence start, or after , ; : — and the like). */
  clauseStart: boolean;
}

/** Words a period follows without ending the sentence ("Acme Inc. in Berlin", "e.g. Zara"). */
const ABBREVIATIONS = /^(e\.g|i\.e|inc|ltd|co|corp|dr|mr|mrs|ms|st|vs|etc|z\.b|u\.a|bzw|ca|approx|no|nr|p\.ex|env)$/;

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&'’.,\-]*[\p{L}\p{N}&]|[\p{L}\p{N}]/gu;

/** Words with their position, sentence and clause starts; `H&M`, `e-commerce`, `1,200` stay whole. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    let raw = match[0];
    // A trailing possessive and a sentence's final period are not part of the word.
    raw = raw.replace(/['’]s$/i, "");
    const gap = text.slice(last, match.index);
    const previous = tokens[tokens.length - 1];
    const afterAbbreviation = previous !== undefined && /^[.\s]+$/.test(gap) && ABBREVIATIONS.test(previous.word);
    const sentenceStart = tokens.length === 0 || (/[.!?…]/.test(gap) && !afterAbbreviation);
    const clauseStart = sentenceStart || /[,;:()\u2013\u2014"«»]|\s-\s/.test(gap);
    tokens.push({ raw, word: fold(raw), at: match.index, sentenceStart, clauseStart });
    last = match.index + match[0].length;
  }
  return tokens;
}

const SUFFIXES = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "en", "s", "e", "n"];

/**
 * A rough stem for any of the four languages: enough for "appears in the data" (Berliner → berlin,
 * hiring → hir, hired → hir, Kunden → kund), never shown to anyone.
 */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, "").replace(/^(l|d)'/, "");
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** The words of a text, folded and stemmed, for membership tests; hyphenated words also split. */
export function stemSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const token of tokenize(text)) {
    set.add(stem(token.word));
    if (/[-.&]/.test(token.word)) for (const part of token.word.split(/[-.&]+/)) if (part) set.add(stem(part));
  }
  return set;
}

export const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw) || /^\p{Ll}+\p{Lu}/u.test(raw);
