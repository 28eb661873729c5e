/** The API's shapes as the UI uses them (see /work/shared/api-v1.md); extra fields are ignored. */

export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  plan: "free" | "starter" | "growth" | "pro";
  role: "user" | "admin";
  createdAt: string;
}

export interface Me extends User {
  credits: { balance: number; held: number };
}

export interface NotificationSettings {
  jobFinished: boolean;
  jobFailed: boolean;
  jobPaused: boolean;
  creditsLow: boolean;
}

export interface Session {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface UploadWarning {
  code: string;
  message: string;
  rows?: number[];
}

export interface Upload {
  id: string;
  filename: string;
  format: "csv" | "xlsx";
  sizeBytes: number;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number;
  sheetName?: string | null;
  columns: string[];
  rowCount: number;
  sampleRows: Record<string, string>[];
  suggestedMapping: Record<string, string>;
  warnings: UploadWarning[];
  createdAt: string;
}

export interface MappingProfile {
  id: string;
  name: string;
  mapping: Record<string, string>;
  createdAt?: string;
}

export const JOB_STATUSES = ["queued", "running", "paused", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "canceled"];

export interface Job {
  id: string;
  uploadId: string;
  mode: "preview" | "full";
  status: JobStatus;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  creditsHeld: number;
  creditsCharged: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  pauseReason?: "user" | "budget" | null;
  /** The API's own pace measurement, when it sends one. */
  rowsPerSecond?: number | null;
  etaSeconds?: number | null;
  /** When the retention clean-up deletes the job's files (GET /v1/jobs/:id only), and when it did. */
  filesExpireAt?: string;
  filesDeletedAt?: string | null;
  mapping?: Record<string, string>;
  /** The model that writes the lines (`openline-local-sample`: the offline sample model). */
  model?: string;
  maxCredits?: number | null;
  userId?: string;
  userEmail?: string;
}

/** A fact a line rests on: the field and the words quoted from it (a researched one with its page). */
export interface Evidence {
  field: string;
  value: string;
  url?: string;
}

export interface JobRow {
  row: number;
  input: Record<string, string>;
  line: string | null;
  /** Every line of the row (A/B variants); `line` is the first. */
  lines?: string[];
  status: string;
  reason?: string | null;
  evidence?: Evidence[];
  /** The line is the user's own edit. */
  edited?: boolean;
  review?: "approved" | "rejected" | null;
  /** When the job read websites: `ok`, or why the line rests on the row alone. */
  research?: string;
}

/** A saved context (GET /v1/contexts). */
export interface SavedContext {
  id: string;
  name: string;
  service: string;
  tone?: string;
  language?: string;
  maxWords?: number;
  instructions?: string;
  research?: { website: boolean };
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobContext {
  service: string;
  tone: string;
  language: string;
  maxWords: number;
  instructions?: string;
  /** Lines per prospect for A/B tests (1–3). */
  variants?: number;
}

export interface LedgerEntry {
  id: string;
  delta: number;
  reason: string;
  jobId: string | null;
  note?: string | null;
  createdAt: string;
  /** The file of the entry's job. */
  filename?: string | null;
}

export interface Credits {
  balance: number;
  held: number;
  ledger: { data: LedgerEntry[]; nextCursor: string | null };
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface AdminUser extends User {
  planStatus: string;
  credits: { balance: number; held: number };
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

export interface Price {
  /** Minor units (cents). */
  amount: number;
  currency: string;
}

export interface Plan {
  id: "free" | "starter" | "growth" | "pro";
  name: string;
  credits: number;
  interval: "month" | "once";
  price: Price | null;
  available: boolean;
}

export interface CreditPack {
  id: string;
  name: string;
  credits: number;
  price: Price | null;
  available: boolean;
  minQuantity: number;
  maxQuantity: number;
}

/** GET /v1/billing/plans */
export interface BillingCatalogue {
  currency: string;
  plans: Plan[];
  packs: CreditPack[];
}

/** GET /v1/billing/subscription */
export interface Subscription {
  plan: Plan["id"];
  status: "active" | "past_due" | "canceled";
  monthlyCredits: number;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
}
