import { sha256Hex } from "../../lib/crypto";
import { randomToken } from "../../lib/ids";
import { TICKET_TTL_MS } from "../constants";

/**
 * Browser tickets for the job's WebSocket: a browser cannot send a bearer header on an upgrade, so it
 * trades its token for a ticket (stored hashed) that works once, within TICKET_TTL_MS.
 */
export class TicketStore {
  constructor(private readonly sql: SqlStorage) {}

  async issue(userId: string): Promise<{ ticket: string; expiresAt: string }> {
    const ticket = `tkt_${randomToken(24)}`;
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.sql.exec("DELETE FROM tickets WHERE expires_at < ?", Date.now());
    this.sql.exec("INSERT INTO tickets (hash, user_id, expires_at) VALUES (?, ?, ?)", await sha256Hex(ticket), userId, expiresAt);
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Single use: a ticket works once, within its minute. */
  async redeem(ticket: string): Promise<{ userId: string } | null> {
    const hash = await sha256Hex(ticket);
    const row = this.sql
      .exec<{ user_id: string }>("DELETE FROM tickets WHERE hash = ? AND expires_at >= ? RETURNING user_id", hash, Date.now())
      .toArray()[0];
    return row ? { userId: row.user_id } : null;
  }
}
