import { normalizeText } from "../llm/checks";
import type { Evidence, ProspectRow } from "../llm/types";
import type { RowResult } from "../jobs/types";
import { siteFor } from "./domain";
import { factSheetText, type PageText } from "./fact-sheet";
import type { SiteResearcher } from "./researcher";
import type { ResearchStatus } from "./types";

/**
 * Research as the rows see it: each prospect gets its site's fact sheet as its `website` field (the
 * mapped website cell moves to `website_url`), so the prompt fences it as data like any cell and the
 * line check accepts quotes from it like from any cell. Rows whose site gave nothing keep their own
 * facts and say why.
 */
export interface RowResearch {
  status: ResearchStatus;
  pages: PageText[];
}

export const WEBSITE_FIELD = "website";

/** Researches the rows (in place: their fields gain `website`); answers each row's research by row id. */
export async function researchProspects(prospects: ProspectRow[], researcher: SiteResearcher): Promise<Map<string, RowResearch>> {
  const sites = prospects.map((prospect) => siteFor(prospect.fields));
  const found = await researcher.lookup(sites.filter((site) => site !== null));
  const byRow = new Map<string, RowResearch>();
  prospects.forEach((prospect, i) => {
    const site = sites[i];
    const research = site ? found.get(site.domain) : undefined;
    if (!site || !research) return byRow.set(prospect.id, { status: "no_domain", pages: [] });
    byRow.set(prospect.id, { status: research.status, pages: research.pages });
    if (research.status !== "ok" || research.pages.length === 0) return;
    const { website, ...rest } = prospect.fields;
    prospect.fields = { ...rest, ...(website && !("website_url" in rest) ? { website_url: website } : {}), [WEBSITE_FIELD]: factSheetText(research.pages) };
  });
  return byRow;
}

/** Evidence quoted from the fact sheet gets the URL of the page that says it (we trace it, the model does not). */
export function withEvidenceUrls(evidence: Evidence[], pages: PageText[]): Evidence[] {
  if (pages.length === 0) return evidence;
  return evidence.map((item) => {
    if (normalizeText(item.field) !== WEBSITE_FIELD) return item;
    const quote = normalizeText(item.value);
    const page = pages.find((p) => normalizeText(p.text).includes(quote)) ?? pages[0]!;
    return { ...item, url: page.url };
  });
}

/** A row's stored result with what research gave it: its status, and URLs on website evidence. */
export function withResearch(result: RowResult, research: RowResearch | undefined): RowResult {
  if (!research) return result;
  const evidence = result.evidence ? withEvidenceUrls(result.evidence, research.pages) : undefined;
  return { ...result, research: research.status, ...(evidence ? { evidence } : {}) };
}
