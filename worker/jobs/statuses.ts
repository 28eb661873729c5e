/**
 * Job statuses, modes and pause reasons, listed once: read by the D1 schema, the zod schemas
 * (public-schemas.ts) and the types (types.ts, which re-exports them).
 */
export const JOB_STATUSES = ["queued", "running", "paused", "succeeded", "failed", "canceled"] as const;
export const PAUSE_REASONS = ["user", "budget"] as const;
export const JOB_MODES = ["preview", "full"] as const;
