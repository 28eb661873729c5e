import type { LineContext, ProspectRow } from "../types";
import { EVENT_WORDS, LANGUAGES, MONTHS, STOP_WORDS, TIME_UNITS, TIME_WORDS, TITLE_ABBREVIATIONS, type EventGroup } from "./lexicon";
import { fold, stem, tokenize } from "./normalize";
import { sourceNumbers } from "./numbers";

/**
 * What a line may rest on: one entry per row field, the sender's `service` text, and whatever else a
 * caller adds (the research engine's fact sheet of the prospect's website comes in as one more source
 * with its `url`). The checker knows nothing else about where facts come from.
 */
export interface ClaimSource {
  field: string;
  value: string;
  url?: string;
}

/** The sources of a row: its fields, then the sender's service description. */
export function sourcesOf(row: ProspectRow, context: LineContext, extra: ClaimSource[] = []): ClaimSource[] {
  const sources: ClaimSource[] = Object.entries(row.fields).map(([field, value]) => ({ field, value }));
  sources.push({ field: "service", value: context.service });
  // Research (website fact sheet) arrives through `extra`: sourcesOf(row, context, [factSheetSource]).
  return sources.concat(extra);
}

/** One source, read once: its stems, numbers, event groups and whether it dates anything. */
export interface IndexedSource {
  source: ClaimSource;
  /** Folded text, with title abbreviations spelt out ("vp" → "… vice president"). */
  text: string;
  stems: Set<string>;
  numbers: Set<number>;
  events: Set<EventGroup>;
  hasTime: boolean;
  months: Set<string>;
  /** Capitalised words of the value: what a count of places ("two cities") can be checked against. */
  names: Set<string>;
  /** The value folded to words and single spaces, padded with a space each side (quotes, phrases). */
  words: string;
  /** The text without any separator ("e-commerce" → "ecommerce"), for compound names. */
  bare: string;
}

/** Folded words and single spaces: how quotes and names are compared. */
export const squash = (text: string) => fold(text).replace(/[^\p{L}\p{N}%&]+/gu, " ").trim();

/** What a word says about time and events, in any language; words repeat across rows, so it is kept. */
interface WordFacts {
  events: EventGroup[];
  time: boolean;
  month: boolean;
}
const WORD_FACTS = new Map<string, WordFacts>();
const MAX_CACHED_WORDS = 20_000;

function factsOf(word: string): WordFacts {
  let facts = WORD_FACTS.get(word);
  if (facts) return facts;
  const events: EventGroup[] = [];
  let time = false;
  for (const language of LANGUAGES) {
    for (const [group, pattern] of EVENT_WORDS[language]) if (pattern.test(word) && !events.includes(group)) events.push(group);
    if (TIME_WORDS[language].test(word) || TIME_UNITS[language].test(word)) time = true;
  }
  facts = { events, time, month: MONTHS.test(word) };
  if (WORD_FACTS.size >= MAX_CACHED_WORDS) WORD_FACTS.clear();
  WORD_FACTS.set(word, facts);
  return facts;
}

export const IDENTITY_FIELDS = new Set(["company", "first_name", "last_name", "full_name", "name"]);

function expandAbbreviations(folded: string): string {
  let extra = "";
  for (const word of folded.split(/[^a-z0-9]+/)) if (TITLE_ABBREVIATIONS[word]) extra += ` ${TITLE_ABBREVIATIONS[word]}`;
  return folded + extra;
}

/** Items of a list cell ("Whole Foods, Trader Joe's"): a line may count them ("two retailers"). */
function listCount(value: string): number {
  const items = value.split(/\s*(?:[,;/|]|\band\b|\bund\b|\bet\b|\by\b)\s*/).filter((item) => item.trim() !== "");
  return items.length;
}

function indexSource(source: ClaimSource): IndexedSource {
  // The column's name is data too: a "recent_post" column says the post is recent.
  const text = `${expandAbbreviations(fold(source.value))} ${fold(source.field).replace(/[_-]+/g, " ")}`;
  // Tokens of the value as written (capitals kept for `names`), then of the additions after it.
  const tokens = tokenize(source.value).concat(tokenize(text.slice(fold(source.value).length)));
  const stems = new Set<string>();
  const events = new Set<EventGroup>();
  const months = new Set<string>();
  let hasTime = /\b(1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?\b/.test(text);
  for (const token of tokens) {
    const parts = /[-.&']/.test(token.word) ? [token.word, ...token.word.split(/[-.&']+/)] : [token.word];
    for (const part of parts) {
      if (!part) continue;
      stems.add(stem(part));
      stems.add(part);
      const facts = factsOf(part);
      for (const group of facts.events) events.add(group);
      if (facts.time) hasTime = true;
      if (facts.month) {
        months.add(part);
        hasTime = true;
      }
    }
  }
  const numbers = sourceNumbers(tokens);
  const count = listCount(source.value);
  if (count >= 2) numbers.add(count);
  const names = new Set<string>();
  for (const token of tokens) if (/^\p{Lu}/u.test(token.raw) && !STOP_WORDS.has(token.word)) names.add(token.word);
  return { source, text, stems, numbers, events, hasTime, months, names, words: ` ${squash(source.value)} `, bare: text.replace(/[^\p{L}\p{N}]/gu, "") };
}

/**
 * Indexed sources are kept by field and value: the service text (and often a company's cells) is the
 * same for every row of a job. Read-only after indexing, so sharing them is safe.
 */
const INDEXED = new Map<string, IndexedSource>();
const MAX_CACHED_SOURCES = 512;

/** Drops the kept sources: the grounding benchmark times every check as if its row were new. */
export function forgetIndexedSources(): void {
  INDEXED.clear();
}

export function indexSources(sources: ClaimSource[]): IndexedSource[] {
  const indexed: IndexedSource[] = [];
  for (const source of sources) {
    if (source.value.trim() === "") continue;
    const key = `${source.field}\u0000${source.url ?? ""}\u0000${source.value}`;
    let entry = INDEXED.get(key);
    if (!entry) {
      entry = indexSource(source);
      if (INDEXED.size >= MAX_CACHED_SOURCES) INDEXED.clear();
      INDEXED.set(key, entry);
    }
    indexed.push(entry);
  }
  return indexed;
}

/** Fields that hold the same thing as `field` (a row's `title` and an evidence item's "Title"). */
export const sameField = (a: string, b: string) => fold(a).trim() === fold(b).trim();
