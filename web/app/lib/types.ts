/**
 * The API's shapes as the UI uses them: aliases of the schemas generated from /openapi.json
 * (api-types.gen.ts, `npm run gen:api`), so the web app holds no copies (ADR 040, ADR 062).
 * Only what the UI adds itself (labels, groupings) is written here.
 */
import type { Schemas } from "./openline-client";

export type ApiErrorBody = Schemas["Error"]["error"];
export type User = Schemas["User"];
export type Me = Schemas["Me"];
export type NotificationSettings = Schemas["NotificationSettings"];
export type Session = Schemas["Session"];
export type UploadWarning = Schemas["UploadWarning"];
export type Upload = Schemas["Upload"];
export type MappingProfile = Schemas["MappingProfile"];
export type Job = Schemas["Job"];
export type AdminJob = Schemas["AdminJob"];
export type JobRow = Schemas["JobRow"];
/** A fact a line rests on: the field and the words quoted from it (a researched one with its page). */
export type Evidence = Schemas["Evidence"];
type ContextPatch = Schemas["JobContextPatch"];
/** A job's context as the wizard holds it: every field filled (with the defaults the API would apply). */
export type JobContext = Required<Pick<ContextPatch, "service" | "tone" | "language" | "maxWords">> & Pick<ContextPatch, "instructions" | "variants">;
export type SavedContext = Schemas["SavedContext"];
export type LedgerEntry = Schemas["LedgerEntry"];
export type Credits = Schemas["Credits"];
export type ApiKey = Schemas["ApiKey"];
export type AdminUser = Schemas["AdminUser"];
export type Price = Schemas["Price"];
export type Plan = Schemas["Plan"];
export type CreditPack = Schemas["CreditPack"];
export type BillingCatalogue = Schemas["BillingCatalogue"];
export type Subscription = Schemas["BillingSubscription"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type JobStatus = Job["status"];

export const JOB_STATUSES = ["queued", "running", "paused", "succeeded", "failed", "canceled"] as const satisfies readonly JobStatus[];
export const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "canceled"];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The mapping fields, in the order the wizard shows them. `company` is required. */
export const MAPPING_FIELDS = [
  { key: "company", label: "Company", required: true },
  { key: "first_name", label: "First name" },
  { key: "last_name", label: "Last name" },
  { key: "full_name", label: "Full name" },
  { key: "title", label: "Job title" },
  { key: "email", label: "Email" },
  { key: "website", label: "Website" },
  { key: "linkedin_url", label: "LinkedIn URL" },
  { key: "industry", label: "Industry" },
  { key: "company_size", label: "Company size" },
  { key: "location", label: "Location" },
  { key: "description", label: "Description" },
] as const satisfies readonly { key: string; label: string; required?: boolean }[];

export type MappingField = (typeof MAPPING_FIELDS)[number]["key"];
