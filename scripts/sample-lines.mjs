/**
 * The sample model's line writer (ADR 061): grammatical sentences from the row's own facts whatever the
 * sender's service text says, within the word range, with correct evidence. Output varies
 * deterministically with what a user changes: the tone picks the sentence frames, instructions move
 * to another frame, and each regeneration ("another version, number N") to the next one.
 */

const words = (text) => String(text).trim().split(/\s+/).filter(Boolean);
export const hash = (text) => [...String(text)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const stripEnd = (text) => text.replace(/[\s.,;:!?]+$/, "");

/** Words that end the noun phrase taken from the service's first clause. */
const PHRASE_ENDS = new Set(["that", "which", "who", "for", "to", "in", "with", "so", "and", "by", "from", "on", "at", "because", "while", "when"]);
const BE = new Set(["are", "am", "is", "'re"]);

/** "help" → "helping", "make" → "making", "run" → "running". */
function gerund(verb) {
  const v = verb.toLowerCase();
  if (v.endsWith("ie")) return `${v.slice(0, -2)}ying`;
  if (v.endsWith("e") && !v.endsWith("ee")) return `${v.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v) && v.length <= 4) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/** A sentence-initial capital is not part of the phrase ("Automated reminders" → "automated reminders"; "AI" stays). */
const lowerFirst = (word) => (/^\p{Lu}\p{Ll}*$/u.test(word) ? word.toLowerCase() : word);

/**
 * A noun phrase for the sender's service, usable as the subject or object of any frame: the start of
 * the first clause up to a linking word ("AI bookkeeping"), a "we do X" clause as "doing X", "we are
 * a Y" as "a Y", "our X …" as "our X". Null when nothing short enough is left.
 */
export function serviceTopic(service) {
  const clause = String(service).split(/[.!?;:\n]/)[0] ?? "";
  let tokens = words(clause).map(stripEnd).filter(Boolean);
  const first = tokens[0]?.toLowerCase();
  if ((first === "we" || first === "i") && tokens.length > 1) {
    tokens = BE.has(tokens[1].toLowerCase()) ? tokens.slice(2) : [gerund(tokens[1]), ...tokens.slice(2)];
  } else if ((first === "our" || first === "my") && tokens.length > 1) {
    tokens = ["our", tokens[1]];
  } else if (/^(you|they|he|she|it|this|there)$/.test(first ?? "")) {
    return null;
  } else if (tokens.length > 0) {
    tokens[0] = lowerFirst(tokens[0]);
  }
  const end = tokens.findIndex((token, i) => i > 0 && PHRASE_ENDS.has(token.toLowerCase()));
  const phrase = end === -1 ? tokens : tokens.slice(0, end);
  const text = phrase.join(" ");
  return phrase.length > 0 && phrase.length <= 8 && text.length >= 3 ? text : null;
}

const who = (p) => (p.name ? `${p.name}, ` : "");

/** Sentence frames: every one reads right with any noun phrase as `topic` and any row facts. */
const FRAMES = {
  close: (p) => `${who(p)}as ${p.role ?? "part of the team"} at ${p.company}${p.where}, you are close to the day-to-day work where ${p.topic} can make a difference`,
  familiar: (p) => `With your role as ${p.role ?? "a decision maker"} at ${p.company}${p.where}${p.name ? `, ${p.name}` : ""}, the everyday work around ${p.topic} is likely familiar ground`,
  firstHand: (p) => `${who(p)}leading ${p.sector ? `${p.sector} ` : ""}work as ${p.role ?? "a leader"} at ${p.company}${p.where} means you see first hand where ${p.topic} fits in`,
  placed: (p) => `${who(p)}in your position as ${p.role ?? "a decision maker"} at ${p.company}${p.where}, you are well placed to judge how ${p.topic} fits the way your team works`,
  freeUp: (p) => `${who(p)}running things as ${p.role ?? "part of the team"} at ${p.company}${p.where}, you probably know how much time ${p.topic} could free up`,
  matters: (p) => `${who(p)}your work as ${p.role ?? "a leader"} at ${p.company}${p.where} is exactly where ${p.topic} tends to matter`,
  picture: (p) => `${who(p)}it is exciting to picture what ${p.topic} could do for your work as ${p.role ?? "part of the team"} at ${p.company}${p.where}`,
  support: (p) => `${who(p)}as ${p.role ?? "a decision maker"} at ${p.company}${p.where}, you will know where ${p.topic} could support the work of your team`,
  plate: (p) => `${who(p)}my guess is that as ${p.role ?? "part of the team"} at ${p.company}${p.where}, you have thought about what ${p.topic} could take off your plate`,
  add: (p) => `${who(p)}there is a lot that ${p.topic} could add to your work as ${p.role ?? "part of the team"} at ${p.company}${p.where}`,
};
/** Short frames for tight word limits. */
const SHORT_FRAMES = [(p) => `${p.topic} fits the work at ${p.company}`, (p) => `${who(p)}${p.company} is where ${p.topic} can help`];

/** The frames each tone prefers, in order; other tones use them all. */
const TONE_FRAMES = {
  friendly: ["close", "familiar"],
  professional: ["placed", "support"],
  casual: ["freeUp", "plate"],
  direct: ["matters", "firstHand"],
  enthusiastic: ["picture", "add"],
};

const FILLERS = ["in practice", "from one week to the next", "as the team grows", "these days", "on a normal day", "over time"];

/**
 * Which frame a row gets: its tone's pool, moved by the instructions (always off the plain choice) and
 * each regeneration. Variants (0, 1, 2) each get another frame: the pool's others first, then the rest.
 */
export function frameFor(rowId, { tone = "friendly", instructions = "", version = 1, variant = 0 } = {}) {
  const pool = TONE_FRAMES[String(tone).toLowerCase()] ?? Object.keys(FRAMES);
  const instructionShift = instructions ? 1 + (hash(instructions) % (pool.length - 1)) : 0;
  const base = hash(rowId) + instructionShift + Math.max(0, version - 1);
  if (variant < pool.length) return pool[(base + variant) % pool.length];
  const others = Object.keys(FRAMES).filter((name) => !pool.includes(name));
  return others[(base + variant - pool.length) % others.length];
}

/** One line from the row's facts only, within [minWords, maxWords], with the facts it used. */
export function writeLine(row, sender, { minWords = 18, maxWords = 25, tone = "friendly", version = 1, variant = 0 } = {}) {
  const f = row.fields;
  const companyField = f.company ? "company" : Object.keys(f)[0];
  const company = companyField ? f[companyField] : "your company";
  const instructions = sender.style_wishes ?? "";
  const firstNameWanted = /first name/i.test(instructions);
  const name = f.first_name ?? (f.full_name ? words(f.full_name)[0] : undefined);
  const topic = serviceTopic(sender.service ?? "");
  const frame = FRAMES[frameFor(row.id, { tone, instructions, version, variant })];

  // Richest first; the first that fits the word range wins.
  const candidates = [];
  const options = [
    [true, true, true, true],
    [true, false, true, true],
    [true, false, false, true],
    [false, false, false, true],
    [false, false, false, false],
  ].filter(([, , , withName]) => withName || !firstNameWanted || !name);
  for (const t of topic ? [topic, "our service"] : ["our service"]) {
    for (const [withTitle, withLocation, withIndustry, withName] of options) {
      const parts = {
        name: withName ? name : null,
        role: withTitle && f.title ? f.title : null,
        company,
        where: withLocation && f.location ? ` in ${f.location}` : "",
        sector: withIndustry ? f.industry : null,
        topic: t,
      };
      candidates.push({ parts, text: frame(parts) });
    }
  }
  for (const t of topic ? [topic, "our service"] : ["our service"]) {
    for (const short of SHORT_FRAMES) {
      const parts = { name: firstNameWanted ? name : null, role: null, company, where: "", sector: null, topic: t };
      candidates.push({ parts, text: short(parts) });
    }
  }
  const fits = (c, min) => words(c.text).length >= min && words(c.text).length <= maxWords;
  const chosen = candidates.find((c) => fits(c, minWords)) ?? candidates.find((c) => fits(c, 0)) ?? candidates[candidates.length - 1];
  let tokens = words(chosen.text);
  for (let i = hash(row.id + "fill"); tokens.length < minWords; i++) tokens.push(...words(FILLERS[i % FILLERS.length]));
  if (tokens.length > maxWords) tokens = tokens.slice(0, maxWords);
  tokens[tokens.length - 1] = stripEnd(tokens[tokens.length - 1]);
  let line = `${tokens.join(" ")}.`;
  line = line.charAt(0).toUpperCase() + line.slice(1);
  return { line, evidence: evidenceOf(line, chosen.parts, f, companyField, sender.service ?? "") };
}

/** The facts a line quotes, each from the field it came from (the service text is the field "service"). */
function evidenceOf(line, parts, f, companyField, service) {
  const evidence = [];
  const text = line.toLowerCase();
  const cite = (field, value) => {
    if (field && value && text.includes(String(value).toLowerCase())) evidence.push({ field, value });
  };
  cite(companyField, parts.company);
  if (parts.role) cite("title", f.title);
  if (parts.where) cite("location", f.location);
  if (parts.sector) cite("industry", f.industry);
  if (parts.name) cite(f.first_name ? "first_name" : "full_name", f.first_name ? parts.name : f.full_name);
  if (parts.topic !== "our service" && service.toLowerCase().includes(parts.topic.toLowerCase())) cite("service", parts.topic);
  return evidence;
}
