// Types for scripts/sample-model.mjs (plain JS so `node scripts/sample-model.mjs` runs it directly).
export interface SampleRow {
  id: string;
  fields: Record<string, string>;
}
export interface SampleEvidence {
  field: string;
  value: string;
}
export interface ParsedPrompt {
  sender: { service: string; style_wishes?: string };
  rows: SampleRow[];
  minWords: number;
  maxWords: number;
  regenerating: boolean;
  /** The tone the system prompt asks for. */
  tone: string;
  /** 2, 3, … for a row regenerated on request ("another version, number N"); 1 otherwise. */
  version: number;
  /** Lines asked per prospect ("Write N different lines"); 1 otherwise. */
  variants: number;
}
export const SAMPLE_MODEL_NAME: "openline-local-sample";
export const DEFAULT_SAMPLE_MODEL_PORT: number;
export function parsePrompt(messages: Array<{ role: string; content: string }>): ParsedPrompt;
/** A noun phrase for the sender's service ("AI bookkeeping"), or null when none is short enough. */
export function serviceTopic(service: string): string | null;
export function writeLine(
  row: SampleRow,
  sender: { service?: string; style_wishes?: string },
  options?: { minWords?: number; maxWords?: number; tone?: string; version?: number; variant?: number },
): { line: string; evidence: SampleEvidence[] };
export function entryFor(
  row: SampleRow,
  prompt: ParsedPrompt,
  write?: (row: SampleRow, sender: ParsedPrompt["sender"], options: ParsedPrompt) => { line: string; evidence: SampleEvidence[] },
): { id: string; line: string; evidence: SampleEvidence[] } | { id: string; variants: Array<{ line: string; evidence: SampleEvidence[] }> };
export function answerFor(messages: Array<{ role: string; content: string }>): string;
export function estimateTokens(text: string): number;
export function completionBody(
  content: string,
  messages: Array<{ role: string; content: string }>,
  model?: string,
): {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: Array<{ index: number; finish_reason: string; message: { role: "assistant"; content: string } }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};
export function startSampleModel(options?: {
  port?: number;
  host?: string;
  latencyMs?: number;
}): Promise<{ url: string; port: number; model: string; close(): Promise<void> }>;
