/** Timings of the pipeline, in one place. */

/**
 * A chunk's lease lasts this long past its last renewal (every RENEW_INTERVAL_MS at least, every call while
 * calls flow); then the watchdog re-enqueues it. Three missed renewals (ADR 067): a consumer that died
 * holding a chunk (every process killed) gives it up within 30 s.
 */
export const LEASE_MS = 30_000;
/**
 * A chunk message not leased this long after it was sent, while nothing of its job was leased for as
 * long, is sent again (worker/jobs/room/lost-messages.ts; duplicates are harmless, ADR 067).
 */
export const QUEUED_STALE_MS = 60_000;
/**
 * The watchdog alarm's period while a job is active; it also wakes just after the first lease runs out
 * and when a queued message could count as lost, but never within WATCHDOG_MIN_MS of the last round.
 */
export const WATCHDOG_MS = 30_000;
export const WATCHDOG_MIN_MS = 1_000;
/** WebSocket progress messages: at most one per this interval (≈10/s). */
export const BROADCAST_MIN_MS = 100;
/** The D1 `jobs` row (lists) is refreshed at most this often while counters move. */
export const D1_SYNC_MS = 2_000;
/** Window over which rows/s is measured. */
export const RATE_WINDOW_MS = 20_000;
/**
 * A running chunk writes a checkpoint to R2 when a row finishes and JOB_CHECKPOINT_MS passed since the
 * last one (a checkpoint saves the work a crash would lose, and that work is time), unless fewer than
 * this many rows remain: the final write follows soon.
 */
export const CHECKPOINT_TAIL_ROWS = 10;
/** While LLM calls flow, a lease keeper refreshes its `proceed` answer (ADR 020) this often (cancel latency). */
export const PROCEED_REFRESH_MS = 100;
/** A `proceed` answer older than this (no calls for a while) is waited for before the next call, not assumed. */
export const PROCEED_WAIT_AFTER_MS = 1_000;
/** A lease keeper renews its leases at least this often while a chunk runs. */
export const RENEW_INTERVAL_MS = 10_000;
/** Browser WebSocket tickets. */
export const TICKET_TTL_MS = 60_000;
/** sendBatch takes at most 100 messages. */
export const SEND_BATCH_MAX = 100;
/** Must match `max_retries` of the chunk queue's consumer in wrangler.toml: the last delivery gives up. */
export const QUEUE_MAX_RETRIES = 5;
