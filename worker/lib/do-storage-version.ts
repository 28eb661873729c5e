/**
 * Versioned storage for a Durable Object's SQLite (ADR 048): its schema is a list of numbered steps,
 * and the storage records the last step it has been through, so an object created before a step
 * existed gets it the next time it wakes up (a `CREATE TABLE IF NOT EXISTS` alone never adds a column
 * or an index to an old table). Steps are only ever appended: storage that has run step N never runs
 * it again. Used by the JobRoom (worker/jobs/room/migrations.ts) and the CreditLedger
 * (worker/credits/migrations.ts).
 *
 * The version is kept in a one-row table, `schema_version`, in the role SQLite's `PRAGMA user_version`
 * plays elsewhere: Durable Objects refuse that pragma (SQLITE_AUTH). Storage without the table (made
 * before versioning) is at version 0.
 */
export function storageVersion(sql: SqlStorage): number {
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)");
  return sql.exec<{ version: number }>("SELECT version FROM schema_version WHERE id = 1").toArray()[0]?.version ?? 0;
}

/**
 * Brings the storage up to `target` of `steps` (all of them by default; tests stop earlier to build
 * old storage). Each step and its version bump run in one transaction.
 */
export function migrateStorage(storage: DurableObjectStorage, steps: readonly string[], target = steps.length): void {
  const from = storageVersion(storage.sql);
  for (let version = from + 1; version <= target; version++) {
    storage.transactionSync(() => {
      storage.sql.exec(steps[version - 1]!);
      storage.sql.exec(
        "INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        version,
      );
    });
  }
}
