import { describe, expect, it } from "vitest";
import { decodePage } from "../../../worker/research/charset";
import { isFreeMailDomain, siteFor } from "../../../worker/research/domain";
import { withEvidenceUrls } from "../../../worker/research/enrich";
import { extractFacts } from "../../../worker/research/extract";
import { FACT_SHEET_CHARS, factSheetPages, factSheetText } from "../../../worker/research/fact-sheet";
import { robotsAllows } from "../../../worker/research/robots";
import { aboutLinkOf } from "../../../worker/research/site";

describe("siteFor", () => {
  it("takes the mapped website, upgraded and without www. for the cache key", () => {
    expect(siteFor({ website: "http://www.Acme.com/en/home" })).toEqual({ domain: "acme.com", host: "www.acme.com" });
    expect(siteFor({ website: "acme.io", email: "ann@other.com" })).toEqual({ domain: "acme.io", host: "acme.io" });
  });

  it("falls back to the work email's domain and skips free mail", () => {
    expect(siteFor({ email: "Ann@Initech.de" })).toEqual({ domain: "initech.de", host: "initech.de" });
    for (const email of ["a@gmail.com", "a@googlemail.com", "a@outlook.de", "a@hotmail.co.uk", "a@yahoo.fr", "a@gmx.at", "a@web.de", "a@proton.me", "a@protonmail.ch", "a@mail.ru", "a@yandex.ru", "a@qq.com", "a@163.com", "a@icloud.com"]) {
      expect(siteFor({ email }), email).toBeNull();
    }
    // A company's own subdomain named like a provider is still the company's.
    expect(isFreeMailDomain("live.acme.com")).toBe(false);
  });

  it("gives no domain for platform links, junk and missing cells", () => {
    expect(siteFor({ website: "https://www.linkedin.com/company/acme" })).toBeNull();
    expect(siteFor({ website: "n/a" })).toBeNull();
    expect(siteFor({ website: "mailto:ann@acme.com" })).toBeNull();
    expect(siteFor({})).toBeNull();
    expect(siteFor({ website: "not a site", email: "ann@acme.com" })).toEqual({ domain: "acme.com", host: "acme.com" });
  });
});

describe("robotsAllows", () => {
  const robots = "User-agent: *\nDisallow: /private\n\nUser-agent: Openline-Research\nDisallow: /\nAllow: /about$\n";
  it("uses our group over *, longest rule first, Allow on ties", () => {
    expect(robotsAllows(robots, "/")).toBe(false);
    expect(robotsAllows(robots, "/about")).toBe(true);
    expect(robotsAllows(robots, "/about/team")).toBe(false);
    expect(robotsAllows("User-agent: *\nDisallow: /private\n", "/")).toBe(true);
    expect(robotsAllows("User-agent: *\nDisallow: /private\n", "/private/x")).toBe(false);
    expect(robotsAllows("User-agent: *\nDisallow:\n", "/")).toBe(true);
    expect(robotsAllows("User-agent: *\nDisallow: /*.pdf$\n", "/a/b.pdf")).toBe(false);
    expect(robotsAllows("", "/")).toBe(true);
  });
});

describe("decodePage", () => {
  it("reads the charset from the header, then from <meta>, else UTF-8 or windows-1252", () => {
    const latin = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x4b, 0xf6, 0x6c, 0x6e]);
    expect(decodePage(latin, "text/html; charset=windows-1252").text).toBe("Café – Köln");
    expect(decodePage(latin, "text/html").text).toBe("Café – Köln");
    const sjis = new Uint8Array([...new TextEncoder().encode('<meta charset="shift_jis">'), 0x93, 0x8c, 0x8b, 0x9e]);
    expect(decodePage(sjis, "text/html")).toMatchObject({ text: '<meta charset="shift_jis">東京', charset: "shift_jis" });
    expect(decodePage(new TextEncoder().encode("Zoë"), "text/html").text).toBe("Zoë");
  });
});

const PAGE = `<html><head><title>Acme &amp; Co</title><meta name="description" content="We build robots.">
<meta property="og:site_name" content="Acme"><style>p { x: 1 }</style>
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"Organization","name":"Acme Robotics","foundingDate":"2012"}]}</script>
<script>var hidden = "never shown";</script></head>
<body><h1>Robots for <em>warehouses</em></h1><p>Our robots pick orders around the clock in forty warehouses.<script>document.write("nope")</script></p>
<p>Too short.</p><p>Second paragraph that is long enough to count as body text, with &#8220;quotes&#8221;.</p>
<a href="/about-us">About us</a> <a href="https://other.com/about">Other</a></body></html>`;

describe("extractFacts and the fact sheet", () => {
  it("reads title, meta, Open Graph, JSON-LD, headings and paragraphs, without scripts or styles", async () => {
    const facts = await extractFacts(PAGE);
    expect(facts.title).toBe("Acme & Co");
    expect(facts.description).toBe("We build robots.");
    expect(facts.og.site_name).toBe("Acme");
    expect(facts.organization).toMatchObject({ name: "Acme Robotics", foundingDate: "2012" });
    expect(facts.headings).toEqual(["Robots for warehouses"]);
    expect(facts.paragraphs).toEqual([
      "Our robots pick orders around the clock in forty warehouses.",
      "Second paragraph that is long enough to count as body text, with “quotes”.",
    ]);
    const text = factSheetText(factSheetPages({ url: "https://acme.com/", facts }));
    expect(text).toContain("Acme Robotics. We build robots. Founded 2012. Robots for warehouses");
    expect(text).not.toMatch(/never shown|nope|x: 1/);
    expect(aboutLinkOf(facts, "https://www.acme.com/")).toBe("https://www.acme.com/about-us");
  });

  it("keeps the whole fact sheet within ~600 characters, about page included", async () => {
    const long = `<p>${"Long sentence about the company and what it does for its customers. ".repeat(40)}</p>`;
    const facts = await extractFacts(`<title>Big</title>${long}`);
    const pages = factSheetPages({ url: "https://big.com/", facts }, { url: "https://big.com/about", facts });
    expect(pages.map((page) => page.url)).toEqual(["https://big.com/", "https://big.com/about"]);
    expect(factSheetText(pages).length).toBeLessThanOrEqual(FACT_SHEET_CHARS);
  });

  it("traces a website quote to the page it is on", () => {
    const pages = [
      { url: "https://a.com/", text: "Acme builds robots" },
      { url: "https://a.com/about", text: "Founded in Lyon in 2012" },
    ];
    const evidence = withEvidenceUrls([{ field: "website", value: "founded in Lyon" }, { field: "company", value: "Acme" }], pages);
    expect(evidence).toEqual([{ field: "website", value: "founded in Lyon", url: "https://a.com/about" }, { field: "company", value: "Acme" }]);
  });
});
