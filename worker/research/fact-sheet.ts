import { clean, type PageFacts } from "./extract";

/**
 * The compact text the model gets as the prospect's `website` field: what the homepage (and the about
 * page) say about the company, at most ~600 characters in all, each page's part kept with its URL so a
 * quoted fact can be traced to the page it came from.
 */
export const FACT_SHEET_CHARS = 600;
const HOME_SHARE = 380;

export interface PageText {
  url: string;
  text: string;
}

/** Cut at a word boundary, with an ellipsis when something was left out. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** The distinct statements of a page, most telling first. */
function statements(facts: PageFacts): string[] {
  const org = facts.organization;
  const name = org.name || facts.og.site_name || facts.title;
  const parts = [
    name,
    org.slogan,
    org.description || facts.description || facts.og.description,
    org.foundingDate ? `Founded ${org.foundingDate}` : undefined,
    org.location ? `Based in ${org.location}` : undefined,
    ...facts.headings,
    ...facts.paragraphs,
  ];
  const seen: string[] = [];
  for (const part of parts) {
    const text = clean(part ?? "").replace(/[.\s]+$/, "");
    if (text && !seen.some((other) => other.toLowerCase().includes(text.toLowerCase()))) seen.push(text);
  }
  return seen;
}

function pageText(facts: PageFacts, max: number): string {
  let text = "";
  for (const statement of statements(facts)) {
    const next = text ? `${text}. ${statement}` : statement;
    if (next.length > max) {
      if (!text) text = cutAt(statement, max);
      break;
    }
    text = next;
  }
  return text;
}

/** The fact sheet's parts: the homepage's, then the about page's (empty parts are left out). */
export function factSheetPages(home: { url: string; facts: PageFacts }, about?: { url: string; facts: PageFacts }): PageText[] {
  const homeText = pageText(home.facts, about ? HOME_SHARE : FACT_SHEET_CHARS);
  const pages: PageText[] = homeText ? [{ url: home.url, text: homeText }] : [];
  if (about) {
    const aboutText = pageText(about.facts, FACT_SHEET_CHARS - homeText.length - 3);
    if (aboutText) pages.push({ url: about.url, text: aboutText });
  }
  return pages;
}

/** The `website` field itself: the parts joined. */
export const factSheetText = (pages: PageText[]) => pages.map((page) => page.text).join(" | ");
