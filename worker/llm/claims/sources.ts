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
  const tokens = tokenize(text);
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
      for (const language of LANGUAGES) {
        for (const [group, pattern] of EVENT_WORDS[language]) if (pattern.test(part)) events.add(group);
        if (TIME_WORDS[language].test(part) || TIME_UNITS[language].test(part)) hasTime = true;
      }
      if (MONTHS.test(part)) {
        months.add(part);
        hasTime = true;
      }
    }
  }
  const numbers = sourceNumbers(tokens);
  const count = listCount(source.value);
  if (count >= 2) numbers.add(count);
  const names = new Set<string>();
  for (const token of tokenize(source.value)) if (/^\p{Lu}/u.test(token.raw) && !STOP_WORDS.has(token.word)) names.add(token.word);
  return { source, text, stems, numbers, events, hasTime, months, names };
}

export function indexSources(sources: ClaimSource[]): IndexedSource[] {
  return sources.filter((source) => source.value.trim() !== "").map(indexSource);
}

/** Fields that hold the same thing as `field` (a row's `title` and an evidence item's "Title"). */
export const sameField = (a: string, b: string) => fold(a).trim() === fold(b).trim();
