/** What a cell's text looks like; used to find the header row and to suggest a mapping from values. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i;
const LINKEDIN = /^(https?:\/\/)?([a-z]{2,3}\.)?linkedin\.com\/(in|pub|sales\/lead|sales\/people)\/\S+$/i;
const URL_LIKE = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?(\/\S*)?$/i;
const NUMERIC = /^[+-]?(\d+([.,]\d+)*|\d*[.,]\d+)(e[+-]?\d+)?%?$/i;

export const isEmail = (value: string) => EMAIL.test(value.trim());
export const isLinkedInUrl = (value: string) => LINKEDIN.test(value.trim());
export const isUrl = (value: string) => {
  const trimmed = value.trim();
  return !EMAIL.test(trimmed) && URL_LIKE.test(trimmed);
};
export const isNumeric = (value: string) => NUMERIC.test(value.trim());

/**
 * A cell a spreadsheet would run as a formula when the file is opened (CSV injection): it starts
 * with `=`, `+`, `-` or `@`. Plain numbers such as `-12.5` or `+49` are harmless and not flagged.
 */
export const startsLikeFormula = (value: string) => {
  const first = value.charCodeAt(0);
  return (first === 61 || first === 43 || first === 45 || first === 64) && !isNumeric(value);
};

