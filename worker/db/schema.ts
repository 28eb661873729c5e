import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { JOB_MODES, JOB_STATUSES, PAUSE_REASONS } from "../jobs/types";

/**
 * D1 schema. Timestamps are ISO 8601 UTC strings; JSON columns hold what the API returns as is.
 * Credit balances are NOT here: the CreditLedger Durable Object is their single writer.
 */
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text("created_at").notNull().default(now);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
  plan: text("plan", { enum: ["free", "starter", "growth", "pro"] }).notNull().default("free"),
  planStatus: text("plan_status", { enum: ["active", "past_due", "canceled"] }).notNull().default("active"),
  planPeriodEnd: text("plan_period_end"),
  stripeCustomerId: text("stripe_customer_id").unique(),
  stripeSubscriptionId: text("stripe_subscription_id"),
  /** The subscription will end (back to `free`) at `planPeriodEnd`. */
  planCancelAtPeriodEnd: integer("plan_cancel_at_period_end", { mode: "boolean" }).notNull().default(false),
  /** `created` (unix seconds) of the Stripe event the plan fields were taken from: older events never overwrite them. */
  billingStateAt: integer("billing_state_at"),
  webhookSecret: text("webhook_secret").notNull(),
  /** When the address was verified (its link followed); null until then. Free credits and admin wait for it. */
  emailVerifiedAt: text("email_verified_at"),
  // Notification emails, each one on until the user turns it off (settings or unsubscribe link).
  notifyJobFinished: integer("notify_job_finished", { mode: "boolean" }).notNull().default(true),
  notifyJobFailed: integer("notify_job_failed", { mode: "boolean" }).notNull().default(true),
  notifyJobPaused: integer("notify_job_paused", { mode: "boolean" }).notNull().default(true),
  notifyCreditsLow: integer("notify_credits_low", { mode: "boolean" }).notNull().default(true),
  /** Ledger entry id of the grant a "credits low" email was last sent for: one email per grant. */
  creditsLowNotifiedFor: text("credits_low_notified_for"),
  /** Days uploaded files and job results are kept, when the user chose fewer than RETENTION_DAYS. */
  retentionDays: integer("retention_days"),
  createdAt: createdAt(),
});

/**
 * One-time tokens sent by email: address verification (24 h; `email` is the address it verifies, so an
 * address change waits for it) and password reset (1 h). Only the SHA-256 of a token is stored.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify_email", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user").on(t.userId, t.purpose)],
);

export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: text("family_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("refresh_tokens_family").on(t.familyId)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_keys_user").on(t.userId)],
);

/** One row per (scope, Idempotency-Key): `pending` while the first request runs, then its answer. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["pending", "done"] }).notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    /** For an answer holding a secret shown once: the id it created, kept instead of the answer. */
    resourceId: text("resource_id"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created").on(t.createdAt)],
);

/** Fixed-window counters for rate limits; one row per limited key. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    headerRow: integer("header_row").notNull(),
    sheetName: text("sheet_name"),
    columns: text("columns", { mode: "json" }).$type<string[]>().notNull(),
    rowCount: integer("row_count").notNull(),
    sampleRows: text("sample_rows", { mode: "json" }).$type<Record<string, string>[]>().notNull(),
    suggestedMapping: text("suggested_mapping", { mode: "json" }).$type<Record<string, string>>().notNull(),
    warnings: text("warnings", { mode: "json" }).$type<unknown[]>().notNull(),
    /** R2 key of the file as uploaded. */
    originalKey: text("original_key").notNull(),
    /** R2 key of the normalized UTF-8 CSV (header + data rows) every job reads. */
    normalizedKey: text("normalized_key").notNull(),
    /** R2 key of the chunk index (JSON) of the normalized CSV. */
    chunkIndexKey: text("chunk_index_key").notNull(),
    /** When the retention clean-up deleted the files (original, normalized copy, chunk index). */
    filesDeletedAt: text("files_deleted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_user").on(t.userId, t.id)],
);

export const mappingProfiles = sqliteTable(
  "mapping_profiles",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mapping: text("mapping", { mode: "json" }).$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("mapping_profiles_user").on(t.userId, t.id)],
);

export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uploadId: text("upload_id").notNull(),
    mode: text("mode", { enum: JOB_MODES }).notNull(),
    status: text("status", {
      enum: JOB_STATUSES,
    }).notNull(),
    /** Why a `paused` job is paused: the user asked, or the budget/balance ran out. */
    pauseReason: text("pause_reason", { enum: PAUSE_REASONS }),
    mapping: text("mapping", { mode: "json" }).$type<Record<string, string>>().notNull(),
    extraColumns: text("extra_columns", { mode: "json" }).$type<string[]>().notNull(),
    context: text("context", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    previewRows: integer("preview_rows"),
    maxCredits: integer("max_credits"),
    webhookUrl: text("webhook_url"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    creditsHeld: integer("credits_held").notNull().default(0),
    creditsCharged: integer("credits_charged").notNull().default(0),
    error: text("error", { mode: "json" }).$type<{ code: string; message: string } | null>(),
    /** When the retention clean-up deleted the job's results and outputs (the row and ledger stay). */
    filesDeletedAt: text("files_deleted_at"),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
  },
  (t) => [index("jobs_user").on(t.userId, t.id), index("jobs_status").on(t.status)],
);

/** Stripe events already applied: the primary key makes "apply once" hold across retries and races. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  createdAt: createdAt(),
});

/**
 * What a user changed on a job's rows (issue #15): an edited line, a review mark, a regenerated line.
 * Kept beside the chunk results in R2 (which stay as the runs wrote them) so a click writes one small
 * D1 row instead of rewriting a chunk's result file; rows and output read them over the results.
 */
/** One variant's line in a row override: the user's own (`edited`) or a regeneration's. */
export interface VariantOverride {
  line: string;
  edited: boolean;
}

export const rowOverrides = sqliteTable(
  "row_overrides",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    /** The line the user wrote (`edited`) or the last regeneration made; null: the run's line stands. */
    line: text("line"),
    /** A regenerated line's evidence (an edited line has none of its own). */
    evidence: text("evidence", { mode: "json" }).$type<Array<{ field: string; value: string }> | null>(),
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
    review: text("review", { enum: ["approved", "rejected"] }),
    /**
     * Variants 2 and 3 (ADR 071): index i is variant i + 1 (index 0 stays null: variant 1 is `line`);
     * null where the run's line stands, `line: ""` where a regeneration wrote no line. Null: none.
     */
    lines: text("lines", { mode: "json" }).$type<Array<VariantOverride | null> | null>(),
    /** Regenerations so far: names their credit holds and varies the next prompt. */
    regenerations: integer("regenerations").notNull().default(0),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.row] })],
);

/** Saved job contexts: what the user sells and how lines should sound, reused by name. */
export const savedContexts = sqliteTable(
  "saved_contexts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The contract's job `context` (service, tone, language, maxWords, instructions) plus `research`. */
    context: text("context", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    lastUsedAt: text("last_used_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("saved_contexts_user").on(t.userId, t.id)],
);

/**
 * Every outbound webhook delivery with its latest attempt (worker/jobs/webhook-deliveries.ts), so users
 * can see and repeat them; kept 30 days (worker/maintenance.ts). `id` is the `Openline-Delivery`
 * header; `body` is what was signed, so a redelivery sends the same bytes.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: text("job_id"),
    event: text("event").notNull(),
    url: text("url").notNull(),
    urlHost: text("url_host").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["delivered", "retrying", "failed"] }).notNull(),
    attempts: integer("attempts").notNull(),
    lastResponseCode: integer("last_response_code"),
    lastError: text("last_error"),
    lastAttemptAt: text("last_attempt_at").notNull(),
    nextRetryAt: text("next_retry_at"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_user").on(t.userId, t.createdAt, t.id), index("webhook_deliveries_created").on(t.createdAt)],
);

/**
 * Website research per domain (issue #13): public facts, shared by every user's jobs. A success is
 * kept 30 days, a failure 1 hour (its status says why); `expiresAt` is unix milliseconds.
 */
export const researchSites = sqliteTable(
  "research_sites",
  {
    domain: text("domain").primaryKey(),
    status: text("status").notNull(),
    pages: text("pages", { mode: "json" }).$type<Array<{ url: string; text: string }>>().notNull(),
    fetchedAt: text("fetched_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("research_sites_expires").on(t.expiresAt)],
);

export type User = typeof users.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type MappingProfile = typeof mappingProfiles.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type RowOverride = typeof rowOverrides.$inferSelect;
export type SavedContext = typeof savedContexts.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
