import { newId } from "../lib/ids";

/**
 * Refunds and lost disputes take back the credits a payment bought (ADR 068), inside the user's
 * CreditLedger (these functions run in its storage transaction; the room's RPC methods are one-line
 * adapters). Only what is unspent and free is taken back (`balance`, never below zero; credits held
 * by running jobs stay theirs); the rest is recorded as owed, which blocks new full jobs until credits
 * arriving later pay it off.
 *
 * Each payment's claim is a target ("this much of that grant is to be taken back"), set again by every
 * event about it: a partial refund then a full one takes the difference; a dispute won sets it to 0,
 * which gives back what was taken and forgives what was owed. Replays change nothing.
 */
export interface ClawbackInput {
  /** Names the claim: `refund:<charge>` or `dispute:<dispute>`. */
  key: string;
  /** Ledger idempotency key of the grant the payment bought (`pack:<session>`, `invoice:<invoice>`). */
  grantKey: string;
  /** Share of the payment refunded or lost, 0..1. */
  share: number;
  note: string;
}

export type ClawbackResult =
  | { ok: true; target: number; taken: number; owed: number; balance: number; totalOwed: number }
  | { ok: false; reason: "unknown_grant" };

interface ClaimRow {
  target: number;
  taken: number;
  owed: number;
  changes: number;
  [key: string]: SqlStorageValue;
}

function ensureTables(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS clawbacks (
      key TEXT PRIMARY KEY,
      target INTEGER NOT NULL CHECK (target >= 0),
      taken INTEGER NOT NULL CHECK (taken >= 0),
      owed INTEGER NOT NULL CHECK (owed >= 0),
      changes INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS debt (id INTEGER PRIMARY KEY CHECK (id = 1), owed INTEGER NOT NULL CHECK (owed >= 0));
    INSERT OR IGNORE INTO debt (id, owed) VALUES (1, 0);
  `);
}

function insertEntry(sql: SqlStorage, key: string, delta: number, note: string): void {
  sql.exec(
    "INSERT INTO entries (id, idempotency_key, delta, reason, job_id, note, created_at) VALUES (?, ?, ?, 'refund', NULL, ?, ?)",
    newId("led"),
    key,
    delta,
    note,
    new Date().toISOString(),
  );
}

const balanceOf = (sql: SqlStorage) => sql.exec<{ balance: number }>("SELECT balance FROM account").one().balance;

export function totalOwed(sql: SqlStorage): number {
  ensureTables(sql);
  return sql.exec<{ owed: number }>("SELECT owed FROM debt").one().owed;
}

export function applyClawback(sql: SqlStorage, input: ClawbackInput): ClawbackResult {
  ensureTables(sql);
  const grant = sql.exec<{ delta: number }>("SELECT delta FROM entries WHERE idempotency_key = ?", input.grantKey).toArray()[0];
  if (!grant || grant.delta <= 0) return { ok: false, reason: "unknown_grant" };
  const share = Math.min(1, Math.max(0, input.share));
  const target = Math.round(grant.delta * share);
  const claim = sql.exec<ClaimRow>("SELECT target, taken, owed, changes FROM clawbacks WHERE key = ?", input.key).toArray()[0] ?? {
    target: 0,
    taken: 0,
    owed: 0,
    changes: 0,
  };
  let { taken, owed } = claim;
  const change = target - (taken + owed);
  const entryKey = `${input.key}#${claim.changes + 1}`;
  if (change > 0) {
    const take = Math.min(change, balanceOf(sql));
    if (take > 0) {
      sql.exec("UPDATE account SET balance = balance - ?", take);
      insertEntry(sql, entryKey, -take, input.note);
    }
    sql.exec("UPDATE debt SET owed = owed + ?", change - take);
    taken += take;
    owed += change - take;
  } else if (change < 0) {
    // Forgive the owed part first, then give back what was taken.
    const forgiven = Math.min(-change, owed);
    const returned = -change - forgiven;
    sql.exec("UPDATE debt SET owed = owed - ?", forgiven);
    if (returned > 0) {
      sql.exec("UPDATE account SET balance = balance + ?", returned);
      insertEntry(sql, entryKey, returned, input.note);
    }
    owed -= forgiven;
    taken -= returned;
  }
  sql.exec(
    "INSERT INTO clawbacks (key, target, taken, owed, changes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET target = excluded.target, taken = excluded.taken, owed = excluded.owed, changes = excluded.changes",
    input.key,
    target,
    taken,
    owed,
    claim.changes + (change === 0 ? 0 : 1),
  );
  return { ok: true, target, taken, owed, balance: balanceOf(sql), totalOwed: totalOwed(sql) };
}

/**
 * Pays what is owed from the free balance (after a purchase or grant): as much as there is. What a
 * claim owed and got paid counts as taken from then on, so a dispute won later gives it back.
 */
export function payDebt(sql: SqlStorage): { paid: number; owed: number; balance: number } {
  const owed = totalOwed(sql);
  const paid = Math.min(owed, balanceOf(sql));
  if (paid > 0) {
    sql.exec("UPDATE account SET balance = balance - ?", paid);
    sql.exec("UPDATE debt SET owed = owed - ?", paid);
    insertEntry(sql, `debt:${crypto.randomUUID()}`, -paid, "owed credits paid");
    let left = paid;
    for (const claim of sql.exec<{ key: string; owed: number }>("SELECT key, owed FROM clawbacks WHERE owed > 0 ORDER BY key").toArray()) {
      const moved = Math.min(left, claim.owed);
      sql.exec("UPDATE clawbacks SET owed = owed - ?, taken = taken + ? WHERE key = ?", moved, moved, claim.key);
      left -= moved;
      if (left === 0) break;
    }
  }
  return { paid, owed: owed - paid, balance: balanceOf(sql) };
}
