/**
 * Which site a prospect's research reads: the mapped `website` cell, else the domain of the work
 * email. Free-mail providers and social platforms say nothing about the prospect's company, so they
 * give no domain.
 */
export interface SiteRef {
  /** The cache key: the host without a leading `www.`. */
  domain: string;
  /** The host the homepage is asked of (as the website cell gave it, `www.` kept). */
  host: string;
}

/** Free-mail providers whose name is the same under every country's TLD (gmx.de, yahoo.co.uk, …). */
const FREE_MAIL_NAMES = new Set(["outlook", "hotmail", "live", "yahoo", "gmx", "protonmail", "yandex", "libero"]);
const FREE_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "aol.com", "msn.com", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com",
  "web.de", "freenet.de", "t-online.de", "proton.me", "pm.me", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "qq.com",
  "163.com", "126.com", "yeah.net", "sina.com", "naver.com", "hanmail.net", "daum.net", "free.fr", "laposte.net",
  "sfr.fr", "wanadoo.fr", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "rediffmail.com", "fastmail.com",
  "hey.com", "tutanota.com", "tuta.io", "mail.com", "email.com", "gmx.net", "zoho.com", "comcast.net", "verizon.net",
  "att.net", "sbcglobal.net", "btinternet.com", "bigpond.com", "shaw.ca", "rogers.com", "ukr.net", "abv.bg",
]);
/** Sites that host many companies: their pages are not the prospect's company's own. */
const PLATFORM_DOMAINS = new Set([
  "linkedin.com", "facebook.com", "instagram.com", "twitter.com", "x.com", "youtube.com", "tiktok.com", "github.com",
  "medium.com", "crunchbase.com", "google.com", "wikipedia.org", "xing.com", "angel.co", "wellfound.com",
]);

function hostOf(cell: string): string | null {
  const text = cell.trim();
  if (!text || /\s/.test(text)) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return null;
    const host = url.hostname.toLowerCase().replace(/\.+$/, "");
    return host.includes(".") ? host : null;
  } catch {
    return null;
  }
}

const withoutWww = (host: string) => host.replace(/^www\d?\./, "");

export function isFreeMailDomain(domain: string): boolean {
  const host = withoutWww(domain.toLowerCase());
  if (FREE_MAIL_DOMAINS.has(host)) return true;
  // name.tld or name.co.uk style only: live.acme.com is Acme's, not Microsoft's.
  const labels = host.split(".");
  const countryTld = labels.length === 2 || (labels.length === 3 && labels[1]!.length <= 3);
  return countryTld && FREE_MAIL_NAMES.has(labels[0]!);
}

function isPlatform(domain: string): boolean {
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) if (PLATFORM_DOMAINS.has(labels.slice(i).join("."))) return true;
  return false;
}

/** The site of a prospect from its mapped fields, or null (`no_domain`). */
export function siteFor(fields: Record<string, string>): SiteRef | null {
  const fromWebsite = fields.website ? hostOf(fields.website) : null;
  if (fromWebsite && !isPlatform(withoutWww(fromWebsite))) return { domain: withoutWww(fromWebsite), host: fromWebsite };
  const email = fields.email?.trim().toLowerCase() ?? "";
  const at = email.lastIndexOf("@");
  if (at === -1) return null;
  const host = hostOf(email.slice(at + 1));
  if (!host || isFreeMailDomain(host) || isPlatform(host)) return null;
  return { domain: withoutWww(host), host };
}
