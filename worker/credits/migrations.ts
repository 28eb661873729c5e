import { migrateStorage } from "../lib/do-storage-version";

/**
 * The CreditLedger's storage schema, as numbered steps (the mechanism, shared with the JobRoom:
 * worker/lib/do-storage-version.ts, ADR 048). Steps are only ever appended.
 */
export const LEDGER_MIGRATIONS: readonly string[] = [
  // 1: the schema ledgers had before it was versioned (they all run it again, harmlessly: IF NOT EXISTS).
  `CREATE TABLE IF NOT EXISTS account (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     balance INTEGER NOT NULL CHECK (balance >= 0),
     held INTEGER NOT NULL CHECK (held >= 0)
   );
   INSERT OR IGNORE INTO account (id, balance, held) VALUES (1, 0, 0);
   CREATE TABLE IF NOT EXISTS entries (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     idempotency_key TEXT NOT NULL UNIQUE,
     delta INTEGER NOT NULL,
     reason TEXT NOT NULL,
     job_id TEXT,
     note TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS holds (
     job_id TEXT PRIMARY KEY,
     amount INTEGER NOT NULL CHECK (amount >= 0),
     reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
     charged INTEGER NOT NULL DEFAULT 0 CHECK (charged >= 0),
     budget INTEGER,
     closed INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE IF NOT EXISTS hold_keys (
     key TEXT PRIMARY KEY,
     job_id TEXT NOT NULL,
     amount INTEGER NOT NULL
   );
   CREATE TABLE IF NOT EXISTS reservations (
     key TEXT PRIMARY KEY,
     job_id TEXT NOT NULL,
     amount INTEGER NOT NULL CHECK (amount > 0),
     charged INTEGER,
     settled INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );`,
];

/** Brings the ledger's storage up to `target` (all steps by default; tests stop earlier to build an old ledger). */
export function migrateLedgerStorage(storage: DurableObjectStorage, target = LEDGER_MIGRATIONS.length): void {
  migrateStorage(storage, LEDGER_MIGRATIONS, target);
}
