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
  const facts: PageFacts = { title: "", description: "", og: {}, organization: {}, headings: [], paragraphs: [], links: [] };
  let skipDepth = 0;
  let jsonLd = "";
  let heading: string | null = null;
  let paragraph: string | null = null;
  let link: { href: string; text: string } | null = null;
  const endParagraph = () => {
    const text = paragraph === null ? "" : clean(paragraph);
    if (isBodyText(text) && facts.paragraphs.length < MAX_PARAGRAPHS) facts.paragraphs.push(text);
    paragraph = null;
  };
  const endHeading = () => {
    const text = heading === null ? "" : clean(heading);
    if (text && facts.headings.length < MAX_HEADINGS && !facts.headings.includes(text)) facts.headings.push(text);
    heading = null;
  };
  const rewriter = new HTMLRewriter()
    .on("script, style, noscript, template, svg", {
      element(element) {
        const isJsonLd = element.tagName === "script" && (element.getAttribute("type") ?? "").toLowerCase() === "application/ld+json";
        skipDepth++;
        element.onEndTag(() => {
          skipDepth--;
          if (isJsonLd && !facts.organization.name) facts.organization = organizationOf(jsonLd) ?? facts.organization;
          jsonLd = "";
        });
      },
      text(chunk) {
        jsonLd += chunk.text;
      },
    })
    .on("title", { text: (chunk) => void (facts.title += chunk.text) })
    .on("meta", {
      element(element) {
        const key = (element.getAttribute("property") ?? element.getAttribute("name") ?? "").toLowerCase();
        const content = clean(element.getAttribute("content") ?? "");
        if (!content) return;
        if (key === "description") facts.description ||= content;
        else if (key.startsWith("og:")) facts.og[key.slice(3)] ||= content;
      },
    })
    .on("h1, h2", {
      element(element) {
        endHeading();
        heading = "";
        element.onEndTag(endHeading);
      },
      text: (chunk) => void (heading !== null && skipDepth === 0 && (heading += chunk.text)),
    })
    .on("p", {
      element(element) {
        endParagraph();
        paragraph = "";
        element.onEndTag(endParagraph);
      },
      text: (chunk) => void (paragraph !== null && skipDepth === 0 && (paragraph += chunk.text)),
    })
    .on("a[href]", {
      element(element) {
        link = { href: element.getAttribute("href") ?? "", text: "" };
        if (facts.links.length < MAX_LINKS) facts.links.push(link);
        element.onEndTag(() => void (link = null));
      },
      text: (chunk) => void (link && (link.text += chunk.text)),
    });
  await rewriter.transform(new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } })).arrayBuffer();
  endHeading();
  endParagraph();
  facts.title = clean(facts.title);
  for (const l of facts.links) l.text = clean(l.text);
  return facts;
}
