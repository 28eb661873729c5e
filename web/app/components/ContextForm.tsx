import type { JobContext } from "../lib/types";

export const TONES = ["friendly", "professional", "casual", "direct", "enthusiastic"] as const;
export const LANGUAGES = [
  ["en", "English"],
  ["de", "German"],
  ["fr", "French"],
  ["es", "Spanish"],
  ["it", "Italian"],
  ["nl", "Dutch"],
  ["pt", "Portuguese"],
  ["sv", "Swedish"],
  ["pl", "Polish"],
] as const;

export const DEFAULT_CONTEXT: JobContext = { service: "", tone: "friendly", language: "en", maxWords: 25, instructions: "" };
export const SERVICE_MIN = 10;
/** The API's bounds for `maxWords` (lines run from about 72% of it up to it). */
const MIN_WORDS = 8;
const MAX_WORDS = 60;

export function contextProblems(context: JobContext): { service?: string; maxWords?: string } {
  const problems: { service?: string; maxWords?: string } = {};
  if (context.service.trim().length < SERVICE_MIN) problems.service = `Describe what you sell in at least ${SERVICE_MIN} characters: the lines are written from it.`;
  if (!Number.isInteger(context.maxWords) || context.maxWords < MIN_WORDS || context.maxWords > MAX_WORDS) {
    problems.maxWords = `Choose between ${MIN_WORDS} and ${MAX_WORDS} words.`;
  }
  return problems;
}

/** The website-research toggle: on by default when a website or email column is mapped. */
export interface ResearchToggle {
  available: boolean;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** The sender's side of every line: what they sell, how it should sound, in which language, how long. */
export function ContextForm({
  value,
  problems,
  onChange,
  research,
}: {
  value: JobContext;
  problems: ReturnType<typeof contextProblems>;
  onChange: (context: JobContext) => void;
  research?: ResearchToggle;
}) {
  const set = <K extends keyof JobContext>(key: K, next: JobContext[K]) => onChange({ ...value, [key]: next });
  return (
    <div className="context-form">
      <div className="field">
        <label htmlFor="ctx-service">What do you sell? (in your words)</label>
        <textarea
          id="ctx-service"
          rows={4}
          maxLength={2000}
          value={value.service}
          aria-invalid={problems.service ? true : undefined}
          aria-describedby={problems.service ? "ctx-service-error ctx-service-hint" : "ctx-service-hint"}
          onChange={(event) => set("service", event.target.value)}
          placeholder="We help dental clinics fill empty chair time with automated recall reminders."
        />
        <p id="ctx-service-hint" className="hint">
          The lines connect each prospect's facts to this. Nothing about a prospect is invented: only what their row (and, if you choose, their company's website) says is used.
        </p>
        {problems.service ? (
          <p id="ctx-service-error" className="field-error">
            {problems.service}
          </p>
        ) : null}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ctx-tone">Tone</label>
          <select id="ctx-tone" value={value.tone} onChange={(event) => set("tone", event.target.value)}>
            {TONES.map((tone) => (
              <option key={tone} value={tone}>
                {tone[0]!.toUpperCase() + tone.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ctx-language">Language</label>
          <select id="ctx-language" value={value.language} onChange={(event) => set("language", event.target.value)}>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ctx-words">Max words per line</label>
          <input
            id="ctx-words"
            type="number"
            inputMode="numeric"
            min={MIN_WORDS}
            max={MAX_WORDS}
            value={Number.isFinite(value.maxWords) ? value.maxWords : ""}
            aria-invalid={problems.maxWords ? true : undefined}
            aria-describedby={problems.maxWords ? "ctx-words-error" : undefined}
            onChange={(event) => set("maxWords", event.target.valueAsNumber)}
          />
          {problems.maxWords ? (
            <p id="ctx-words-error" className="field-error">
              {problems.maxWords}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="ctx-variants">Lines per prospect</label>
          <select id="ctx-variants" value={value.variants ?? 1} onChange={(event) => set("variants", Number(event.target.value))}>
            <option value={1}>1 line</option>
            <option value={2}>2 lines (A/B), 2 credits a row</option>
            <option value={3}>3 lines (A/B/C), 3 credits a row</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="ctx-instructions">Extra instructions (optional)</label>
        <textarea
          id="ctx-instructions"
          rows={2}
          maxLength={1000}
          value={value.instructions ?? ""}
          onChange={(event) => set("instructions", event.target.value)}
          placeholder="Use first names. Never mention pricing."
        />
      </div>
      {research ? (
        <div className="field research-field">
          <label className="check">
            <input
              id="ctx-research"
              type="checkbox"
              checked={research.available && research.checked}
              disabled={!research.available}
              aria-describedby="ctx-research-hint"
              onChange={(event) => research.onChange(event.target.checked)}
            />{" "}
            Read each company's website
          </label>
          <p id="ctx-research-hint" className="hint">
            {research.available
              ? "The homepage and its about page, so lines can cite them (with a link). Included in the credit per line; a site that cannot be read leaves the row's own facts."
              : "Map a website or work email column to use this."}
          </p>
        </div>
      ) : null}
    </div>
  );
}
