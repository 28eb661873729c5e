/** Word bounds of a line: 18–25 by default; `maxWords` moves the whole range. */
export const DEFAULT_MAX_WORDS = 25;
export const MIN_MAX_WORDS = 8;
export const MAX_MAX_WORDS = 60;

export function wordBounds(maxWords = DEFAULT_MAX_WORDS): { min: number; max: number } {
  return { min: Math.max(5, Math.round(maxWords * 0.72)), max: maxWords };
}

/** Words are whitespace-separated tokens holding at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}
