import { IDIOM_NUMBERS, LANGUAGES, NUMBER_WORDS, QUANTITY_WORDS, type Language } from "./lexicon";
import type { Token } from "./normalize";

/**
 * Numbers in digits and in words, read the same way from the line and from the sources, so "five"
 * meets "5", "12M" meets "12 million", "1.200" (German) meets "1,200" and "51-200" holds 51 and 200.
 */

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mio: 1e6, b: 1e9, bn: 1e9, mrd: 1e9,
  hundred: 100, hundert: 100, cent: 100, cents: 100, cientos: 100, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, tausend: 1e3, millionen: 1e6, milliarden: 1e9,
  mille: 1e3, milliard: 1e9, milliards: 1e9, mil: 1e3, millon: 1e6, millones: 1e6,
};
const UNITS_DE: Record<string, number> = { ein: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 };
const TENS_EN: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS_EN: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** A digit group's value: thousands separators (either style) removed, a decimal comma read as a point. */
function digitValue(text: string): number | null {
  const clean = text.replace(/^[^\d]+/, "");
  if (!/^\d/.test(clean)) return null;
  const number = /^\d{1,3}([,.\u202f ]\d{3})+$/.test(clean) ? clean.replace(/[,.\u202f ]/g, "") : clean.replace(",", ".");
  const value = Number.parseFloat(number);
  return Number.isFinite(value) ? value : null;
}

/**
 * Values of one token written with digits: "51-200" → [51, 200], "$12M" → [12, 12e6], "10th" → [10].
 * `scaledOnly` (a line's claim): "12M" means twelve million only.
 */
export function digitTokenValues(word: string, scaledOnly = false): number[] {
  const values: number[] = [];
  for (const part of word.split(/[-–/]/)) {
    const match = /^(\d[\d.,]*)(?:(st|nd|rd|th|e|er|eme|º|ª|o|a)|([a-z]+))?[+%]?$/.exec(part);
    if (!match) continue;
    const value = digitValue(match[1]!.replace(/[.,]$/, ""));
    if (value === null) continue;
    const multiplier = match[3] ? MULTIPLIERS[match[3]] : undefined;
    if (!multiplier || !scaledOnly) values.push(value);
    if (multiplier) values.push(value * multiplier);
  }
  return values;
}

/** Words repeat across lines and rows; their values are kept (bounded). */
const WORD_VALUES = new Map<string, number | null>();

/** Value of a number word in a language ("twenty-five", "fünfundzwanzig", "dozen"); null if not one. */
export function wordValue(word: string, language: Language): number | null {
  const key = `${language}:${word}`;
  const known = WORD_VALUES.get(key);
  if (known !== undefined) return known;
  const value = computeWordValue(word, language);
  if (WORD_VALUES.size >= 50_000) WORD_VALUES.clear();
  WORD_VALUES.set(key, value);
  return value;
}

function computeWordValue(word: string, language: Language): number | null {
  const direct = NUMBER_WORDS[language][word];
  if (direct !== undefined) return direct;
  if (language === "en") {
    const [tens, unit] = word.split("-");
    if (tens && unit && TENS_EN[tens] && UNITS_EN[unit]) return TENS_EN[tens]! + UNITS_EN[unit]!;
  }
  if (language === "de") {
    const compound = /^(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und(zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)$/.exec(word);
    if (compound) return UNITS_DE[compound[1]!]! + NUMBER_WORDS.de[compound[2]!]!;
    // "zweihundert", "dreitausend": a unit times a hundred or a thousand (the rest, if any, added).
    const scaled = /^(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)(hundert|tausend)(.*)$/.exec(word);
    if (scaled) {
      const rest = scaled[3] ? computeWordValue(scaled[3], "de") : 0;
      if (rest !== null) return UNITS_DE[scaled[1]!]! * (scaled[2] === "hundert" ? 100 : 1000) + rest;
    }
  }
  return null;
}

/** "24/7" comes as two tokens, "24" and "7", three characters apart. */
function roundTheClock(tokens: Token[], i: number): boolean {
  const [a, b] = tokens[i]!.word === "24" ? [tokens[i]!, tokens[i + 1]] : [tokens[i - 1], tokens[i]!];
  return a?.word === "24" && b?.word === "7" && b.at === a.at + 3;
}

export interface NumberClaim {
  text: string;
  /** Any of these in the data supports the claim. */
  values: number[];
  /** For vague quantities ("hundreds"): a number in this range supports it. */
  range?: [number, number];
  tokenIndex: number;
}

/** Numbers the line states, in digits, words and vague quantities. */
export function numberClaims(tokens: Token[], language: Language): NumberClaim[] {
  const claims: NumberClaim[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1]?.word;
    const multiplier = next ? MULTIPLIERS[next] : undefined;
    if (/\d/.test(token.word)) {
      // "B2B", "Q3", "H1": codes and quarters, not quantities.
      if (/^\p{L}/u.test(token.word) || IDIOM_NUMBERS.test(token.word) || roundTheClock(tokens, i)) return;
      const written = digitTokenValues(token.word, true);
      if (written.length === 0) return;
      const values = multiplier ? written.map((v) => v * multiplier) : written;
      claims.push({ text: token.raw, values, tokenIndex: i });
      return;
    }
    const previous = tokens[i - 1];
    // "five hundred", "2 million": the multiplier belongs to the number before it.
    if (previous && MULTIPLIERS[token.word] && (/\d/.test(previous.word) || wordValue(previous.word, language) !== null)) return;
    // "40 pour cent", "40 por ciento": the word for "per cent", not a hundred.
    if (previous && /^(pour|por)$/.test(previous.word)) return;
    const value = wordValue(token.word, language);
    if (value !== null) {
      claims.push({ text: token.raw, values: multiplier && value < 1000 ? [value * multiplier] : [value], tokenIndex: i });
      return;
    }
    const range = QUANTITY_WORDS[language][token.word];
    if (range) claims.push({ text: token.raw, values: [], range, tokenIndex: i });
  });
  return claims;
}

/** Every value a source text holds, in any of the four languages (data may differ from the line's). */
export function sourceNumbers(tokens: Token[]): Set<number> {
  const values = new Set<number>();
  tokens.forEach((token, i) => {
    const next = tokens[i + 1]?.word;
    const multiplier = next ? MULTIPLIERS[next] : undefined;
    if (/\d/.test(token.word)) {
      for (const value of digitTokenValues(token.word)) {
        values.add(value);
        if (multiplier) values.add(value * multiplier);
      }
      // Dates and versions: each digit run on its own too ("2019-05-01" holds 2019).
      for (const run of token.word.match(/\d+/g) ?? []) values.add(Number(run));
      return;
    }
    for (const language of LANGUAGES) {
      const value = wordValue(token.word, language);
      if (value === null) continue;
      values.add(value);
      if (multiplier) values.add(value * multiplier);
    }
  });
  return values;
}
