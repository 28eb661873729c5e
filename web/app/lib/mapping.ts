import { MAPPING_FIELDS, type MappingProfile, type Upload } from "./types";

export type Mapping = Record<string, string>;

/** The suggestion, kept to fields we know and columns that exist in the file. */
export function initialMapping(upload: Pick<Upload, "columns" | "suggestedMapping">): Mapping {
  const known = new Set<string>(MAPPING_FIELDS.map((field) => field.key));
  const columns = new Set(upload.columns);
  return Object.fromEntries(Object.entries(upload.suggestedMapping ?? {}).filter(([field, column]) => known.has(field) && columns.has(column)));
}

/** Profiles whose every column exists in the file (the only ones that can be applied as they are). */
export function fittingProfiles(profiles: MappingProfile[], columns: string[]): MappingProfile[] {
  const present = new Set(columns);
  return profiles.filter((profile) => Object.values(profile.mapping).every((column) => present.has(column)));
}

/** With no company column but an email one, the API takes the company from each email's domain. */
export const companyFromEmail = (mapping: Mapping): boolean => !mapping.company && Boolean(mapping.email);

export function mappingProblems(mapping: Mapping): { company?: string } {
  if (mapping.company || companyFromEmail(mapping)) return {};
  return { company: "Choose the column with the company name (or the email column): every line is written about a company." };
}

/** Columns not used by the mapping, which may be passed whole as extra context. */
export function unmappedColumns(columns: string[], mapping: Mapping): string[] {
  const used = new Set(Object.values(mapping));
  return columns.filter((column) => !used.has(column));
}

export const fieldLabel = (key: string) => MAPPING_FIELDS.find((field) => field.key === key)?.label ?? key;
