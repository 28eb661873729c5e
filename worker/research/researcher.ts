import { and, gt, inArray, sql } from "drizzle-orm";
import type { Config } from "../config";
import { getDb } from "../db/client";
import { researchSites } from "../db/schema";
import type { Logger } from "../lib/logger";
import type { Limiter } from "../llm/limiter";
import type { SiteRef } from "./domain";
import { RequestBudget } from "./fetch-page";
import { researchSite, type SiteFetchDeps, type SiteResearch } from "./site";

/**
 * Site research for one consumer invocation (or one preview): each domain is read at most once however
 * many rows and chunks share it — first from this invocation's memory (fetches in flight included),
 * then from the D1 cache shared by every job (one read per chunk for the domains it is first to ask
 * for), and only then from the web, whose answer goes back into the cache (30 days, a failure 1 hour).
 */
export const CACHE_OK_MS = 30 * 24 * 3600 * 1000;
export const CACHE_FAILED_MS = 3600 * 1000;
/** D1 takes at most 100 bound parameters a statement. */
const LOOKUP_BATCH = 90;

export class SiteResearcher {
  private readonly known = new Map<string, Promise<SiteResearch>>();

  constructor(
    private readonly env: Env,
    private readonly deps: SiteFetchDeps,
    private readonly log?: Logger,
  ) {}

  /** Every site's research, by domain. */
  async lookup(sites: SiteRef[]): Promise<Map<string, SiteResearch>> {
    const unique = new Map(sites.map((site) => [site.domain, site]));
    const unknown = [...unique.keys()].filter((domain) => !this.known.has(domain));
    if (unknown.length > 0) {
      // Claimed before the read returns: a chunk asking for the same domain meanwhile waits for this
      // read (and this fetch) instead of making its own.
      const cached = this.readCache(unknown);
      for (const domain of unknown) this.known.set(domain, cached.then((hits) => hits.get(domain) ?? this.fetchAndStore(unique.get(domain)!)));
    }
    const entries = await Promise.all([...unique.keys()].map(async (domain) => [domain, await this.known.get(domain)!] as const));
    return new Map(entries);
  }

  /** Unexpired cache entries; a cache that cannot be read only means fetching again. */
  private async readCache(domains: string[]): Promise<Map<string, SiteResearch>> {
    const found = new Map<string, SiteResearch>();
    const db = getDb(this.env);
    try {
      for (let i = 0; i < domains.length; i += LOOKUP_BATCH) {
        const rows = await db
          .select({ domain: researchSites.domain, status: researchSites.status, pages: researchSites.pages })
          .from(researchSites)
          .where(and(inArray(researchSites.domain, domains.slice(i, i + LOOKUP_BATCH)), gt(researchSites.expiresAt, Date.now())));
        for (const row of rows) found.set(row.domain, { status: row.status as SiteResearch["status"], pages: row.pages });
      }
    } catch (error) {
      this.log?.warn("research cache read failed", { domains: domains.length, error });
    }
    return found;
  }

  private async fetchAndStore(site: SiteRef): Promise<SiteResearch> {
    let research: SiteResearch;
    try {
      research = await researchSite(site, this.deps);
    } catch (error) {
      // A page our extractor could not handle must not fail the rows: they go on with their own facts.
      this.log?.warn("research failed", { domain: site.domain, error });
      research = { status: "unreachable", pages: [], detail: String(error) };
    }
    // Not the site's doing: a later invocation reads it.
    if (research.status === "over_budget") return research;
    const now = Date.now();
    const values = {
      domain: site.domain,
      status: research.status,
      pages: research.pages,
      fetchedAt: new Date(now).toISOString(),
      expiresAt: now + (research.status === "ok" ? CACHE_OK_MS : CACHE_FAILED_MS),
    };
    await getDb(this.env)
      .insert(researchSites)
      .values(values)
      .onConflictDoUpdate({ target: researchSites.domain, set: { status: values.status, pages: sql`excluded.pages`, fetchedAt: values.fetchedAt, expiresAt: values.expiresAt } })
      .catch((error: unknown) => this.log?.warn("research cache write failed", { domain: site.domain, error }));
    return research;
  }
}

/** Our user agent names the app's public URL, so a site owner can find who reads them. */
export const userAgentFor = (appUrl: string) => `Openline-Research/1 (+${appUrl})`;

/** The researcher of an invocation: its fetches share the LLM calls' connection limiter. */
export function researcherFor(env: Env, config: Config, limiter: Limiter, log?: Logger, fetcher?: typeof fetch): SiteResearcher {
  return new SiteResearcher(env, { limiter, fetch: fetcher, budget: new RequestBudget(), userAgent: userAgentFor(config.APP_URL), proxyUrl: config.RESEARCH_PROXY_URL }, log);
}
