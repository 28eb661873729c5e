/**
 * What a page says about its company, read with HTMLRewriter (streaming, no DOM): title, meta
 * description, Open Graph, schema.org Organization JSON-LD, h1/h2, the first paragraphs of body text,
 * and the links (to find an "about" page). Text inside script, style, noscript, template and svg is
 * dropped; entities are decoded; whitespace is collapsed.
 */
export interface PageFacts {
  title: string;
  description: string;
  og: Record<string, string>;
  organization: { name?: string; description?: string; slogan?: string; foundingDate?: string; location?: string };
  headings: string[];
  paragraphs: string[];
  links: Array<{ href: string; text: string }>;
}

const MAX_HEADINGS = 6;
const MAX_PARAGRAPHS = 6;
const MAX_LINKS = 300;
const MIN_PARAGRAPH_CHARS = 40;

/** Body text, not a button label: 40 characters, or 12 in Chinese, Japanese or Korean (denser scripts). */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const isBodyText = (text: string) => text.length >= MIN_PARAGRAPH_CHARS || (CJK.test(text) && text.length >= 12);

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“",
  ndash: "–", mdash: "—", hellip: "…", copy: "©", reg: "®", trade: "™", eacute: "é", egrave: "è", agrave: "à",
  auml: "ä", ouml: "ö", uuml: "ü", Auml: "Ä", Ouml: "Ö", Uuml: "Ü", szlig: "ß", ccedil: "ç", middot: "·", bull: "•",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

export const clean = (text: string) => decodeEntities(text).replace(/\s+/g, " ").trim();

const ORGANIZATION_TYPES = /organization|corporation|localbusiness|company|ngo|store|restaurant|professionalservice/i;

/** The first Organization-like node of a JSON-LD block (top level, an array, or @graph). */
function organizationOf(json: string): PageFacts["organization"] | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const nodes: unknown[] = Array.isArray(data) ? data : [data];
  for (const node of nodes.flatMap((n) => (isObject(n) && Array.isArray(n["@graph"]) ? n["@graph"] : [n]))) {
    if (!isObject(node)) continue;
    const types = ([] as unknown[]).concat(node["@type"] ?? []).map(String);
    if (!types.some((type) => ORGANIZATION_TYPES.test(type))) continue;
    const text = (value: unknown) => (typeof value === "string" ? clean(value) : undefined);
    const address = isObject(node.address) ? [node.address.addressLocality, node.address.addressCountry].filter((v) => typeof v === "string").join(", ") : undefined;
    return { name: text(node.name), description: text(node.description), slogan: text(node.slogan), foundingDate: text(node.foundingDate), location: address || undefined };
  }
  return null;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function extractFacts(html: string): Promise<PageFacts> {
  const collector = new FactCollector();
  await collector.rewriter().transform(new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } })).arrayBuffer();
  return collector.finish();
}

/** The rewriter's handlers and what they gather; text inside skipped elements never counts. */
class FactCollector {
  private readonly facts: PageFacts = { title: "", description: "", og: {}, organization: {}, headings: [], paragraphs: [], links: [] };
  private skipDepth = 0;
  private jsonLd = "";
  private heading: string | null = null;
  private paragraph: string | null = null;
  private link: { href: string; text: string } | null = null;

  rewriter(): HTMLRewriter {
    return new HTMLRewriter()
      .on("script, style, noscript, template, svg", {
        element: (element) => {
          const isJsonLd = element.tagName === "script" && (element.getAttribute("type") ?? "").toLowerCase() === "application/ld+json";
          this.skipDepth++;
          element.onEndTag(() => {
            this.skipDepth--;
            if (isJsonLd && !this.facts.organization.name) this.facts.organization = organizationOf(this.jsonLd) ?? this.facts.organization;
            this.jsonLd = "";
          });
        },
        text: (chunk) => void (this.jsonLd += chunk.text),
      })
      .on("title", { text: (chunk) => void (this.facts.title += chunk.text) })
      .on("meta", { element: (element) => this.meta(element) })
      .on("h1, h2", {
        element: (element) => {
          this.endHeading();
          this.heading = "";
          element.onEndTag(() => this.endHeading());
        },
        text: (chunk) => void (this.heading !== null && this.skipDepth === 0 && (this.heading += chunk.text)),
      })
      .on("p", {
        element: (element) => {
          this.endParagraph();
          this.paragraph = "";
          element.onEndTag(() => this.endParagraph());
        },
        text: (chunk) => void (this.paragraph !== null && this.skipDepth === 0 && (this.paragraph += chunk.text)),
      })
      .on("a[href]", {
        element: (element) => {
          const link = { href: element.getAttribute("href") ?? "", text: "" };
          this.link = link;
          if (this.facts.links.length < MAX_LINKS) this.facts.links.push(link);
          element.onEndTag(() => void (this.link = null));
        },
        text: (chunk) => void (this.link && (this.link.text += chunk.text)),
      });
  }

  finish(): PageFacts {
    this.endHeading();
    this.endParagraph();
    this.facts.title = clean(this.facts.title);
    for (const link of this.facts.links) link.text = clean(link.text);
    return this.facts;
  }

  private meta(element: Element) {
    const key = (element.getAttribute("property") ?? element.getAttribute("name") ?? "").toLowerCase();
    const content = clean(element.getAttribute("content") ?? "");
    if (!content) return;
    if (key === "description") this.facts.description ||= content;
    else if (key.startsWith("og:")) this.facts.og[key.slice(3)] ||= content;
  }

  private endParagraph() {
    const text = this.paragraph === null ? "" : clean(this.paragraph);
    if (isBodyText(text) && this.facts.paragraphs.length < MAX_PARAGRAPHS) this.facts.paragraphs.push(text);
    this.paragraph = null;
  }

  private endHeading() {
    const text = this.heading === null ? "" : clean(this.heading);
    if (text && this.facts.headings.length < MAX_HEADINGS && !this.facts.headings.includes(text)) this.facts.headings.push(text);
    this.heading = null;
  }
}
