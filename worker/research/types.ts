/** Why a row's line did or did not rest on its company's website (the rows API's `research`). */
export const RESEARCH_STATUSES = [
  "ok",
  "no_domain",
  "unreachable",
  "timeout",
  "blocked_by_robots",
  "not_html",
  "too_large",
  "refused",
  "http_error",
  "too_many_redirects",
  "no_text",
  "over_budget",
] as const;
export type ResearchStatus = (typeof RESEARCH_STATUSES)[number];

/** The job option (`research` on POST /v1/jobs). */
export interface ResearchOptions {
  website: boolean;
}
