/**
 * The company of a list without a company column, read from the work email's domain
 * ("maya@brightwell-dental.co.uk" → "Brightwell Dental"). Addresses at free mail providers name no
 * company, so they give none.
 */
const FREE_MAIL = new Set([
  "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "icloud", "me", "mac", "aol", "gmx", "web",
  "proton", "protonmail", "mail", "yandex", "zoho", "fastmail", "hey", "qq", "163", "126", "orange", "free", "t-online", "libero",
]);
/** Second-level labels under country domains: in "acme.co.uk" the name is "acme". */
const SECOND_LEVEL = new Set(["co", "com", "org", "net", "ac", "gov", "ltd", "plc"]);

export function companyFromEmail(email: string): string {
  const domain = email.trim().toLowerCase().split("@")[1]?.replace(/\.+$/, "");
  if (!domain) return "";
  const labels = domain.split(".").filter(Boolean);
  if (labels.length < 2) return "";
  let name = labels[labels.length - 2]!;
  if (SECOND_LEVEL.has(name) && labels.length >= 3) name = labels[labels.length - 3]!;
  if (FREE_MAIL.has(name) || !/^[\p{L}\p{N}-]+$/u.test(name)) return "";
  return name
    .split("-")
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}
