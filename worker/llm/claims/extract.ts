import {
  AMBIGUOUS_MONTHS, CONDITIONAL, EVENT_WORDS, HOLIDAYS, MODALS, PLACE_NOUNS, ROLE_DETERMINERS, TITLE_ABBREVIATIONS, WEEKDAYS, GENERIC_CAPS, GENERIC_MARKERS, HYPOTHETICAL, JUST_WORDS, LIST_TRIGGERS, MONTHS,
  PROSPECT_WORDS, STOP_WORDS, TIME_LEADS, TIME_UNITS, TIME_WORDS, TOOL_GLUE, TOOL_VERBS, type EventGroup, type Language,
} from "./lexicon";
import { isCapitalised, tokenize, type Token } from "./normalize";
import { numberClaims, type NumberClaim } from "./numbers";

/**
 * Finds what a line states about the prospect, by kind. Rules are about kinds of words (capitalised
 * sequences, event verbs, time anchors, number words), so they apply to lines never seen before.
 */
export type ClaimKind = "entity" | "number" | "time" | "event" | "tool";

/** `at`: index of the claim's (first) token in the line. */
export type Claim = { at: number; text: string } & (
  | { kind: "entity"; tokens: Token[] }
  | { kind: "number"; number: NumberClaim; countsPlaces: boolean }
  | { kind: "time"; month?: string }
  | { kind: "event"; groups: EventGroup[]; aboutProspect: boolean; windows: string[] }
  | { kind: "tool"; word: string; aboutProspect: boolean; windows: string[] }
);

export interface ExtractOptions {
  language: Language;
  /** Folded words that name the prospect (company and person names): "Acme" counts as "you". */
  prospectWords: Set<string>;
  /** Whether a word appears in any source: a capitalised sentence opener that does not is a plain word. */
  known: (word: string) => boolean;
}

const CONNECTORS = /^(of|the|de|la|le|del|von|der|du|des|y|&|for|and|und|et)$/;
const CLAUSE_WORDS = /^(but|while|whereas|because|which|who|aber|wahrend|weil|mais|alors|parce|pero|mientras|porque)$/;

function clauseBounds(tokens: Token[]): number[] {
  const clause: number[] = [];
  let current = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && (token.clauseStart || CLAUSE_WORDS.test(token.word))) current = i;
    clause.push(current);
  });
  return clause;
}

/** The clause of token i names the prospect ("you", "your", the company, the person). */
function prospectAt(tokens: Token[], clauses: number[], i: number, options: ExtractOptions): boolean {
  for (let j = clauses[i]!; j < tokens.length && clauses[j] === clauses[i]; j++) {
    const word = tokens[j]!.word;
    if (PROSPECT_WORDS[options.language].test(word) || options.prospectWords.has(word)) return true;
  }
  return false;
}

/** A remark about a kind of company: a generic marker and no word about this prospect in the clause. */
function genericAt(tokens: Token[], clauses: number[], i: number, options: ExtractOptions): boolean {
  if (prospectAt(tokens, clauses, i, options)) return false;
  for (let j = clauses[i]!; j < tokens.length && clauses[j] === clauses[i]; j++) {
    if (GENERIC_MARKERS[options.language].test(tokens[j]!.word)) return true;
  }
  return false;
}

/** "could help you hire": a hypothetical within the three words before, or "whether" earlier in the clause. */
function hypotheticalAt(tokens: Token[], clauses: number[], i: number, language: Language): boolean {
  for (let j = i - 1; j >= 0 && clauses[j] === clauses[i]; j--) {
    if (CONDITIONAL.test(tokens[j]!.word)) return true;
    if (j >= i - 3 && HYPOTHETICAL[language].test(tokens[j]!.word)) return true;
  }
  return false;
}

/** A word may name several kinds of event ("opening": a new site or a job). */
function modalBefore(tokens: Token[], clauses: number[], i: number, language: Language): boolean {
  for (let j = i - 1; j >= 0 && clauses[j] === clauses[i]; j--) if (MODALS[language].test(tokens[j]!.word)) return true;
  return false;
}

const eventGroupsOf = (word: string, language: Language) => EVENT_WORDS[language].filter(([, pattern]) => pattern.test(word)).map(([group]) => group);

function entityCandidate(token: Token, language: Language, previous?: Token): boolean {
  if (!isCapitalised(token.raw) || GENERIC_CAPS.has(token.word) || MONTHS.test(token.word) || WEEKDAYS.test(token.word) || HOLIDAYS.has(token.word) || token.word === "i") return false;
  // "your CFO", "a CTO": a role at the prospect, not a claim about someone's title.
  if (TITLE_ABBREVIATIONS[token.word] && previous && ROLE_DETERMINERS.test(previous.word)) return false;
  if (/^\d/.test(token.raw)) return false;
  // German capitalises every noun: only acronyms, mixed case, digits or "&" mark a name there.
  if (language === "de") return /\p{Lu}.*\p{Lu}|\d|&/u.test(token.raw.slice(1)) || /^\p{Lu}{2,}/u.test(token.raw);
  return true;
}

function entityClaims(tokens: Token[], options: ExtractOptions): Claim[] {
  const claims: Claim[] = [];
  const listStarts = new Set<number>();
  tokens.forEach((token, i) => {
    const pair = i > 0 ? `${tokens[i - 1]!.word} ${token.word}` : "";
    if (LIST_TRIGGERS[options.language].test(token.word) || LIST_TRIGGERS[options.language].test(pair)) listStarts.add(i + 1);
  });
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const afterTrigger = listStarts.has(i) && isCapitalised(token.raw) && !STOP_WORDS.has(token.word);
    if (!entityCandidate(token, options.language, tokens[i - 1]) && !afterTrigger) {
      i++;
      continue;
    }
    const run: Token[] = [token];
    let j = i + 1;
    while (j < tokens.length && !tokens[j]!.clauseStart) {
      const next = tokens[j]!;
      if (entityCandidate(next, options.language)) {
        run.push(next);
        j++;
        continue;
      }
      // "Startup of the Year", "Banco de la Nación": up to two connectors inside a name.
      let k = j;
      while (k < j + 2 && tokens[k] && CONNECTORS.test(tokens[k]!.word)) k++;
      if (k === j || !tokens[k] || tokens[k]!.clauseStart || !entityCandidate(tokens[k]!, options.language)) break;
      run.push(...tokens.slice(j, k));
      j = k;
    }
    // A capitalised sentence opener ("Congrats", "Since", "Running") is an ordinary word unless the data has it.
    if (token.sentenceStart && !afterTrigger && (STOP_WORDS.has(token.word) || !options.known(token.word))) run.shift();
    while (run.length > 0 && CONNECTORS.test(run[0]!.word)) run.shift();
    if (run.length > 0) claims.push({ kind: "entity", at: tokens.indexOf(run[0]!), text: run.map((t) => t.raw).join(" "), tokens: run });
    i = j;
  }
  return claims;
}

function timeClaims(tokens: Token[], language: Language): Claim[] {
  const claims: Claim[] = [];
  tokens.forEach((token, i) => {
    const word = token.word;
    const previous = tokens[i - 1]?.word ?? "";
    const next = tokens[i + 1]?.word ?? "";
    if (TIME_WORDS[language].test(word)) claims.push({ kind: "time", at: i, text: token.raw });
    else if (TIME_UNITS[language].test(word) && (TIME_LEADS[language].test(previous) || TIME_LEADS[language].test(next))) {
      claims.push({ kind: "time", at: i, text: `${tokens[i - 1]?.raw ?? ""} ${token.raw}`.trim() });
    } else if (MONTHS.test(word) && (!AMBIGUOUS_MONTHS.has(word) || (isCapitalised(token.raw) && !token.sentenceStart))) {
      claims.push({ kind: "time", at: i, text: token.raw, month: word });
    } else if (JUST_WORDS[language].test(word)) {
      const soon = tokens.slice(i + 1, i + 4).some((t) => eventGroupsOf(t.word, language).length > 0);
      if (soon) claims.push({ kind: "time", at: i, text: token.raw });
    }
  });
  return claims;
}

/** The three-word runs of the line around token i: a run found in the service text is the sender quoted. */
function windowsAt(tokens: Token[], i: number): string[] {
  const windows: string[] = [];
  for (let start = i - 2; start <= i; start++) {
    if (start < 0 || start + 3 > tokens.length) continue;
    windows.push(tokens.slice(start, start + 3).map((t) => t.word.replace(/[^\p{L}\p{N}%&]+/gu, " ")).join(" "));
  }
  return windows;
}

function toolClaims(tokens: Token[], language: Language, about: (i: number) => boolean): Claim[] {
  const claims: Claim[] = [];
  tokens.forEach((token, i) => {
    if (!TOOL_VERBS[language].test(token.word)) return;
    let j = i + 1;
    for (let glue = 0; glue < 2 && tokens[j] && TOOL_GLUE.test(tokens[j]!.word); glue++) j++;
    const object = tokens[j];
    if (!object || j === i + 1 && /^to$/.test(object.word)) return;
    if (token.word === "used" && tokens[i + 1]?.word === "to") return;
    // Capitalised tools are names (entity claims); function words and numbers are not tools.
    if (isCapitalised(object.raw) || STOP_WORDS.has(object.word) || /\d/.test(object.word) || object.clauseStart) return;
    if (j === i + 1 && !/^(use|uses|using|used|nutzt|nutzen|verwendet|verwenden|utilise|utilisez|utilisent|usa|usan|utiliza|utilizan)$/.test(token.word)) return;
    claims.push({ kind: "tool", at: i, text: `${token.raw} ${object.raw}`, word: object.word, aboutProspect: about(i), windows: windowsAt(tokens, j) });
  });
  return claims;
}

/** Every claim of the line; events, times and tools in generic or hypothetical clauses are left out. */
export function extractClaims(line: string, options: ExtractOptions): Claim[] {
  const tokens = tokenize(line);
  const clauses = clauseBounds(tokens);
  const { language } = options;
  const about = (i: number) => !genericAt(tokens, clauses, i, options) && !hypotheticalAt(tokens, clauses, i, language);
  // A remark about a kind of company may name examples ("retailers like Zara often …").
  const claims: Claim[] = entityClaims(tokens, options).filter((claim) => !genericAt(tokens, clauses, claim.at, options));
  for (const number of numberClaims(tokens, language)) {
    const countsPlaces = tokens.slice(number.tokenIndex + 1, number.tokenIndex + 3).some((t) => PLACE_NOUNS.test(t.word));
    claims.push({ kind: "number", at: number.tokenIndex, text: number.text, number, countsPlaces });
  }
  const aboutProspect = (i: number) => prospectAt(tokens, clauses, i, options);
  const situational: Claim[] = timeClaims(tokens, language).concat(toolClaims(tokens, language, aboutProspect));
  tokens.forEach((token, i) => {
    const groups = eventGroupsOf(token.word, language);
    if (groups.length > 0) situational.push({ kind: "event", at: i, text: token.raw, groups, aboutProspect: aboutProspect(i), windows: windowsAt(tokens, i) });
  });
  const planned = (claim: Claim) => claim.kind === "time" && modalBefore(tokens, clauses, claim.at, language);
  return claims.concat(situational.filter((claim) => about(claim.at) && !planned(claim)));
}
