/** What the line generator works on and answers; shared by the full run and the preview. */

/** One prospect as the model sees it: the mapped fields and extra columns, keyed by field name. */
export interface ProspectRow {
  /** The 1-based data row number, as text: the model echoes it back. */
  id: string;
  fields: Record<string, string>;
}

/** The sender's context for a job (the contract's `context`). */
export interface LineContext {
  service: string;
  tone: string;
  language: string;
  maxWords: number;
  instructions?: string;
  /** Lines per prospect (A/B variants), 1–3; absent means 1. */
  variants?: number;
}

/** One passing line of a prospect that asked for several (variants), in the order they passed. */
export interface VariantLine {
  line: string;
  evidence: Evidence[];
}

export const MIN_VARIANTS = 1;
export const MAX_VARIANTS = 3;

/** Lines asked per prospect: 1 unless the context asks for variants. */
export const variantsOf = (context: Pick<LineContext, "variants">): number =>
  Math.min(MAX_VARIANTS, Math.max(MIN_VARIANTS, Math.floor(context.variants ?? 1)));

/** A fact the line relies on, quoted from the row (or from the sender's service description). */
export interface Evidence {
  field: string;
  value: string;
  /** For a quote from the website fact sheet: the page it is on (set by us, not the model). */
  url?: string;
}

export type LineOutcome =
  | { status: "generated"; line: string; evidence: Evidence[]; attempts: number; variants?: VariantLine[] }
  | { status: "failed"; reason: string; line?: string; attempts: number };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface TokenUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens the provider served from its prompt cache (billed at the cached rate). */
  cachedPromptTokens: number;
}

export const emptyUsage = (): TokenUsage => ({ requests: 0, promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 });

export function addUsage(into: TokenUsage, from: TokenUsage): void {
  into.requests += from.requests;
  into.promptTokens += from.promptTokens;
  into.completionTokens += from.completionTokens;
  into.cachedPromptTokens += from.cachedPromptTokens;
}
