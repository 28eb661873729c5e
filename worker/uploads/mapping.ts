import { isEmail, isLinkedInUrl, isUrl } from "./values";

/** The fields a job's `mapping` (and `suggestedMapping`) can name, from the contract. */
export const MAPPING_FIELDS = [
  "first_name",
  "last_name",
  "full_name",
  "company",
  "title",
  "email",
  "website",
  "linkedin_url",
  "industry",
  "company_size",
  "location",
  "description",
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export type Mapping = Partial<Record<MappingField, string>>;

/**
 * Header names per field in English, German, French and Spanish, compared after `normalizeHeader`
 * (lower case, accents and punctuation gone). Order inside a list does not matter; a longer synonym
 * contained in a header beats a shorter one ("company website" → website, not company).
 */
const SYNONYMS: Record<MappingField, string[]> = {
  first_name: ["first name", "firstname", "first", "given name", "forename", "fname", "vorname", "prenom", "nombre", "nombre de pila", "primer nombre", "contact first name"],
  last_name: ["last name", "lastname", "surname", "family name", "lname", "nachname", "familienname", "nom", "nom de famille", "apellido", "apellidos", "contact last name"],
  full_name: ["full name", "fullname", "name", "contact name", "contact", "person", "prospect", "lead name", "nom complet", "vollstandiger name", "nombre completo"],
  company: [
    "company", "company name", "organization", "organisation", "organization name", "account", "account name", "employer",
    "current company", "business name", "firma", "firmenname", "unternehmen", "unternehmensname", "societe", "entreprise",
    "nom de l entreprise", "nom de la societe", "empresa", "compania", "nombre de la empresa", "organizacion",
  ],
  title: [
    "job title", "title", "position", "role", "job role", "job position", "designation", "current title", "job",
    "titel", "jobtitel", "position im unternehmen", "berufsbezeichnung", "stellenbezeichnung", "funktion", "poste",
    "titre", "fonction", "intitule du poste", "cargo", "puesto", "titulo", "titulo del puesto",
  ],
  email: [
    "email", "e mail", "email address", "e mail address", "mail", "work email", "business email", "email 1", "primary email",
    "e mail adresse", "emailadresse", "courriel", "adresse e mail", "adresse email", "correo", "correo electronico", "email corporativo",
  ],
  website: [
    "website", "web site", "company website", "url", "company url", "domain", "company domain", "homepage", "web",
    "webseite", "internetseite", "site web", "site internet", "sitio web", "pagina web",
  ],
  linkedin_url: [
    "linkedin", "linkedin url", "linkedin profile", "linkedin profile url", "person linkedin url", "profile url", "linkedin link",
    "linkedin profil", "profil linkedin", "perfil de linkedin", "url de linkedin",
  ],
  industry: ["industry", "sector", "vertical", "branche", "industrie", "secteur", "secteur d activite", "industria", "sector industrial"],
  company_size: [
    "company size", "employees", "number of employees", "employee count", "headcount", "size", "company headcount", "staff",
    "mitarbeiter", "anzahl mitarbeiter", "mitarbeiterzahl", "unternehmensgrosse", "taille", "taille de l entreprise", "effectif",
    "nombre d employes", "empleados", "numero de empleados", "tamano de la empresa",
  ],
  location: [
    "location", "city", "country", "region", "state", "address", "headquarters", "hq", "ort", "stadt", "land", "standort",
    "adresse", "ville", "pays", "lieu", "localisation", "ciudad", "pais", "ubicacion", "direccion", "localidad",
  ],
  description: [
    "description", "about", "summary", "bio", "notes", "company description", "headline", "beschreibung", "uber uns", "notizen",
    "resume", "a propos", "descripcion", "acerca de", "notas",
  ],
};

export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** How well a header names a field: 1000+ for an exact synonym, the synonym's length when contained. */
function headerScore(header: string, field: MappingField): number {
  let best = 0;
  for (const synonym of SYNONYMS[field]) {
    if (header === synonym) return 1000 + synonym.length;
    if (synonym.length >= 4 && ` ${header} `.includes(` ${synonym} `)) best = Math.max(best, synonym.length);
  }
  return best;
}

type ValueKind = "email" | "linkedin_url" | "website";

/** What most of a column's sample values are, if anything clear. */
function valueKind(values: string[]): ValueKind | null {
  const filled = values.map((value) => value.trim()).filter(Boolean);
  if (filled.length === 0) return null;
  const share = (test: (value: string) => boolean) => filled.filter(test).length / filled.length;
  if (share(isLinkedInUrl) >= 0.6) return "linkedin_url";
  if (share(isEmail) >= 0.6) return "email";
  if (share(isUrl) >= 0.6) return "website";
  return null;
}

/**
 * Suggests which column fills which field: the values decide for emails, LinkedIn URLs and websites
 * (a column headed "URL" full of linkedin.com/in/ links is a LinkedIn column), the header names decide
 * the rest. Each column serves one field, each field takes its best column.
 */
export function suggestMapping(columns: string[], sampleRows: string[][]): Mapping {
  const normalized = columns.map(normalizeHeader);
  const kinds = columns.map((_, i) => valueKind(sampleRows.map((row) => row[i] ?? "")));
  const candidates: { field: MappingField; column: number; score: number }[] = [];
  columns.forEach((_, column) => {
    const kind = kinds[column];
    for (const field of MAPPING_FIELDS) {
      let score = headerScore(normalized[column]!, field);
      if (kind === field) score += 2000;
      // A column full of emails or links is not a name, a company or a title.
      else if (kind && score > 0 && (field === "email" || field === "linkedin_url" || field === "website" || kind === "email")) score = 0;
      if (score > 0) candidates.push({ field, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Mapping = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(column)) continue;
    mapping[field] = columns[column]!;
    usedColumns.add(column);
  }
  // A full name column is only worth suggesting when first/last names are not there.
  if (mapping.full_name && mapping.first_name && mapping.last_name) delete mapping.full_name;
  return Object.fromEntries(MAPPING_FIELDS.filter((field) => mapping[field] !== undefined).map((field) => [field, mapping[field]])) as Mapping;
}

export interface ProfileForSuggestion {
  id: string;
  name: string;
  mapping: Record<string, string>;
}

/**
 * A saved profile whose columns all exist in the upload comes first (the most recently updated one
 * when several fit); the header/value suggestion fills the fields the profile leaves out.
 */
export function applyProfiles(
  columns: string[],
  suggested: Mapping,
  profiles: ProfileForSuggestion[],
): { mapping: Mapping; profile: { id: string; name: string } | null } {
  const present = new Set(columns);
  const profile = profiles.find((candidate) => {
    const used = Object.values(candidate.mapping);
    return used.length > 0 && used.every((column) => present.has(column));
  });
  if (!profile) return { mapping: suggested, profile: null };
  const mapping: Mapping = { ...(profile.mapping as Mapping) };
  const taken = new Set(Object.values(mapping));
  for (const field of MAPPING_FIELDS) {
    const column = suggested[field];
    if (mapping[field] === undefined && column !== undefined && !taken.has(column)) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return { mapping, profile: { id: profile.id, name: profile.name } };
}
