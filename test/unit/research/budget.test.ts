import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Limiter } from "../../../worker/llm/limiter";
import { RequestBudget } from "../../../worker/research/fetch-page";
import { SiteResearcher, userAgentFor } from "../../../worker/research/researcher";
import { MAX_REQUESTS_PER_SITE } from "../../../worker/research/site";

describe("the invocation's share of requests", () => {
  it("starts no site it could not finish, and does not cache that as the site's answer", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const budget = new RequestBudget(MAX_REQUESTS_PER_SITE + 2);
    const researcher = new SiteResearcher(env, { limiter: new Limiter(4), budget, userAgent: userAgentFor("http://localhost:8787"), proxyUrl: env.RESEARCH_PROXY_URL });
    const first = await researcher.lookup([{ domain: `co1-${tag}.example`, host: `co1-${tag}.example` }]);
    expect(first.get(`co1-${tag}.example`)?.status).toBe("ok");
    // robots.txt, homepage, about page.
    expect(budget.remaining).toBe(MAX_REQUESTS_PER_SITE + 2 - 3);
    const second = await researcher.lookup([{ domain: `co2-${tag}.example`, host: `co2-${tag}.example` }]);
    expect(second.get(`co2-${tag}.example`)?.status).toBe("over_budget");
    const cached = await env.DB.prepare("SELECT domain, status FROM research_sites WHERE domain LIKE ?").bind(`%-${tag}.example`).all();
    expect(cached.results).toEqual([{ domain: `co1-${tag}.example`, status: "ok" }]);
  });
});
