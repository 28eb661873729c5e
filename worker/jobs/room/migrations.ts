import { migrateStorage, storageVersion } from "../../lib/do-storage-version";

/**
 * The JobRoom's storage schema, as numbered steps (the mechanism, shared with the CreditLedger:
 * worker/lib/do-storage-version.ts, ADR 048). Steps are only ever appended. A room without a
 * recorded version (made before versioning) is at version 0.
 */
export const ROOM_MIGRATIONS: readonly string[] = [
  // 1: the schema rooms had before it was versioned (they all run it again, harmlessly: IF NOT EXISTS).
  `CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), job TEXT NOT NULL);
   CREATE TABLE IF NOT EXISTS chunks (
     idx INTEGER PRIMARY KEY,
     start INTEGER NOT NULL,
     end INTEGER NOT NULL,
     first_row INTEGER NOT NULL,
     row_count INTEGER NOT NULL,
     run INTEGER NOT NULL DEFAULT 0,
     state TEXT NOT NULL,
     retry_failed INTEGER NOT NULL DEFAULT 0,
     lease_id TEXT,
     lease_until INTEGER,
     enqueued_at INTEGER,
     result_key TEXT,
     checkpoint_key TEXT,
     generated INTEGER NOT NULL DEFAULT 0,
     failed INTEGER NOT NULL DEFAULT 0,
     pending INTEGER NOT NULL,
     live_generated INTEGER,
     live_failed INTEGER,
     settle_key TEXT,
     settle_charge INTEGER,
     settle_generated INTEGER,
     settle_failed INTEGER,
     settle_pending INTEGER
   );
   CREATE INDEX IF NOT EXISTS chunks_state ON chunks (state);
   CREATE TABLE IF NOT EXISTS tickets (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);`,
  // 2: the rows API looks chunks up by their first row (outputPlan with a row range).
  `CREATE INDEX IF NOT EXISTS chunks_first_row ON chunks (first_row);`,
];

export { storageVersion };

/** Brings the room's storage up to `target` (all steps by default; tests stop earlier to build an old room). */
export function migrateRoomStorage(storage: DurableObjectStorage, target = ROOM_MIGRATIONS.length): void {
  migrateStorage(storage, ROOM_MIGRATIONS, target);
}

/** The schema as rooms made before versioning have it (step 1, no version recorded): for tests of old rooms. */
export function createUnversionedSchema(sql: SqlStorage): void {
  sql.exec(ROOM_MIGRATIONS[0]!);
}
