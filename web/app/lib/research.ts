import type { JobRow } from "./types";

/** What website research tells a reader of a row: the pages its line cites, or why none was read. */
const WHY: Record<string, string> = {
  no_domain: "no company website or work email",
  unreachable: "the site could not be reached",
  timeout: "the site took too long",
  blocked_by_robots: "the site's robots.txt asks us not to read it",
  not_html: "the site is not a web page",
  too_large: "the page is too large",
  refused: "the address is not a public website",
  http_error: "the site answered with an error",
  too_many_redirects: "the site redirects too often",
  no_text: "the page has no readable text (JavaScript only)",
  over_budget: "this batch had used its share of requests",
};

/** Distinct pages the row's line cites, in order. */
export function sourcePages(row: Pick<JobRow, "evidence">): string[] {
  return [...new Set((row.evidence ?? []).map((item) => item.url).filter((url): url is string => Boolean(url)))];
}

/** Why a researched row's line rests on its own facts only (nothing when research helped or was off). */
export function researchNote(row: Pick<JobRow, "research">): string | null {
  if (!row.research || row.research === "ok") return null;
  return `Website not used: ${WHY[row.research] ?? row.research.replace(/_/g, " ")}`;
}

/** A short label for a cited page: its path, or "homepage". */
export function pageLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    return pathname === "/" ? `${hostname.replace(/^www\./, "")} (homepage)` : `${hostname.replace(/^www\./, "")}${pathname}`;
  } catch {
    return url;
  }
}
