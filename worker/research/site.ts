import type { Limiter } from "../llm/limiter";
import { decodePage } from "./charset";
import type { SiteRef } from "./domain";
import { extractFacts, type PageFacts } from "./extract";
import { factSheetPages, type PageText } from "./fact-sheet";
import { fetchPage, MAX_REDIRECTS, type FetchFailure, type FetchResult, type RequestBudget } from "./fetch-page";
import { robotsAllows } from "./robots";
import type { ResearchStatus } from "./types";

export type { ResearchStatus };

/**
 * Reads one company site: robots.txt, the homepage and at most one "about" page it links to. https
 * first (an http:// website cell is upgraded); plain http only when https cannot connect at all (not
 * on a timeout: a slow site is slow on both, and the row would wait twice).
 */
export interface SiteResearch {
  status: ResearchStatus;
  /** What the fact sheet rests on, page by page (empty unless `ok`). */
  pages: PageText[];
  /** Why it failed, for logs. */
  detail?: string;
}

export interface SiteFetchDeps {
  limiter: Limiter;
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  budget: RequestBudget;
  userAgent: string;
  proxyUrl?: string;
}

const ABOUT_PATH = /(^|[/_-])(about|about-us|aboutus|ueber-uns|uber-uns|über-uns|company|who-we-are|qui-sommes-nous|a-propos|chi-siamo|sobre|over-ons|om-oss|unternehmen)([/_.-]|$)/i;
const ABOUT_TEXT = /^(about|about us|who we are|our story|über uns|unternehmen|qui sommes-nous|à propos|chi siamo|sobre nosotros|over ons|om oss)$/i;

/** The first link to an about page on the same site (www. or not). */
export function aboutLinkOf(facts: PageFacts, pageUrl: string): string | null {
  const base = new URL(pageUrl);
  const site = base.hostname.replace(/^www\./, "");
  for (const link of facts.links) {
    let url: URL;
    try {
      url = new URL(link.href, base);
    } catch {
      continue;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") continue;
    if (url.hostname.replace(/^www\./, "") !== site || url.pathname === "/" || url.pathname === base.pathname) continue;
    if (ABOUT_PATH.test(url.pathname) || ABOUT_TEXT.test(link.text)) {
      url.hash = "";
      return url.toString();
    }
  }
  return null;
}

const failure = (reason: FetchFailure | ResearchStatus, detail?: string): SiteResearch => ({ status: reason, pages: [], detail });

async function readPage(url: string, deps: SiteFetchDeps): Promise<{ ok: true; url: string; facts: PageFacts; truncated: boolean } | { ok: false; result: FetchResult & { ok: false } }> {
  const fetched = await fetchPage(url, { ...deps, html: true });
  if (!fetched.ok) return { ok: false, result: fetched };
  const { text } = decodePage(fetched.page.bytes, fetched.page.contentType);
  return { ok: true, url: fetched.page.url, facts: await extractFacts(text), truncated: fetched.page.truncated };
}

/** The most requests one site can take: robots.txt over https and http, homepage, about page, each with its redirects. */
export const MAX_REQUESTS_PER_SITE = 4 * (1 + MAX_REDIRECTS);

export async function researchSite(site: SiteRef, deps: SiteFetchDeps): Promise<SiteResearch> {
  // Never start a site the invocation's request share cannot finish: its rows go on with their own facts.
  if (deps.budget.remaining < MAX_REQUESTS_PER_SITE) return failure("over_budget");
  // robots.txt decides the scheme too: whichever answers is the one the pages are read over.
  let origin = `https://${site.host}`;
  let robots = await fetchPage(`${origin}/robots.txt`, { ...deps, html: false });
  if (!robots.ok && robots.reason === "unreachable") {
    origin = `http://${site.host}`;
    robots = await fetchPage(`${origin}/robots.txt`, { ...deps, html: false });
  }
  let robotsTxt = "";
  if (robots.ok) robotsTxt = new TextDecoder().decode(robots.page.bytes);
  else if (robots.reason !== "http_error" || robots.detail?.startsWith("5")) return failure(robots.reason, robots.detail);
  // (a missing robots.txt, 4xx, allows everything; a 5xx means "stay away for now", RFC 9309)
  if (!robotsAllows(robotsTxt, "/")) return failure("blocked_by_robots");

  const home = await readPage(`${origin}/`, deps);
  if (!home.ok) return failure(home.result.reason, home.result.detail);
  const aboutUrl = aboutLinkOf(home.facts, home.url);
  let about: { url: string; facts: PageFacts } | undefined;
  // The homepage's robots.txt rules the about page too (same site, www. or not).
  if (aboutUrl && robotsAllows(robotsTxt, new URL(aboutUrl).pathname + new URL(aboutUrl).search)) {
    const page = await readPage(aboutUrl, deps);
    if (page.ok) about = page;
  }
  const pages = factSheetPages(home, about);
  if (pages.length === 0) return failure(home.truncated ? "too_large" : "no_text");
  return { status: "ok", pages };
}
