import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runMaintenance } from "../../../worker/maintenance";
import { signup } from "../../helpers";
import { getConfig } from "../../../worker/parse-config";

describe("runMaintenance", () => {
  it("removes expired idempotency records, old rate-limit windows and dead refresh tokens, and nothing live", async () => {
    const user = await signup();
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
    const ancient = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString();
    const key = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO idempotency_keys (scope, key, method, path, request_hash, state, created_at) VALUES ('t', ?, 'POST', '/x', 'h', 'done', ?), ('t', ?, 'POST', '/x', 'h', 'done', ?)",
      ).bind(`old-${key}`, old, `new-${key}`, new Date().toISOString()),
      env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1), (?, ?, 1)").bind(
        `old-${key}`,
        Math.floor(Date.parse(old) / 1000),
        `new-${key}`,
        Math.floor(Date.now() / 1000),
      ),
      env.DB.prepare(
        "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, used_at) VALUES (?, ?, 'f', ?, ?, ?)",
      ).bind(`rtk_dead_${key}`, user.id, `hash-${key}`, new Date(Date.now() + 1e9).toISOString(), ancient),
    ]);

    const removed = await runMaintenance(env, getConfig(env));
    expect(removed.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const keys = await env.DB.prepare("SELECT key FROM idempotency_keys WHERE key IN (?, ?)").bind(`old-${key}`, `new-${key}`).all();
    expect(keys.results.map((row) => row.key)).toEqual([`new-${key}`]);
    const windows = await env.DB.prepare("SELECT key FROM rate_limits WHERE key IN (?, ?)").bind(`old-${key}`, `new-${key}`).all();
    expect(windows.results.map((row) => row.key)).toEqual([`new-${key}`]);
    const tokens = await env.DB.prepare("SELECT id FROM refresh_tokens WHERE user_id = ?").bind(user.id).all();
    // The signup session's live token stays; the long-dead one is gone.
    expect(tokens.results.map((row) => row.id)).not.toContain(`rtk_dead_${key}`);
    expect(tokens.results).toHaveLength(1);
  });

  it("removes website research past its cache time and keeps the rest", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await env.DB.prepare("INSERT INTO research_sites (domain, status, pages, fetched_at, expires_at) VALUES (?, 'timeout', '[]', 'x', ?), (?, 'ok', '[]', 'x', ?)")
      .bind(`old-${tag}.example`, Date.now() - 1000, `new-${tag}.example`, Date.now() + 3600_000)
      .run();
    const removed = await runMaintenance(env, getConfig(env));
    expect(removed.researchSites).toBeGreaterThanOrEqual(1);
    const left = await env.DB.prepare("SELECT domain FROM research_sites WHERE domain LIKE ?").bind(`%-${tag}.example`).all();
    expect(left.results.map((row) => row.domain)).toEqual([`new-${tag}.example`]);
  });

  it("removes emailed links a week past their expiry and keeps the recent ones", async () => {
    const user = await signup({ verified: false });
    const key = crypto.randomUUID();
    const longExpired = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    await env.DB.prepare("INSERT INTO account_tokens (id, user_id, purpose, token_hash, email, expires_at) VALUES (?, ?, 'password_reset', ?, ?, ?)")
      .bind(`tok_old_${key}`, user.id, `hash-${key}`, user.email, longExpired)
      .run();
    const removed = await runMaintenance(env, getConfig(env));
    expect(removed.accountTokens).toBeGreaterThanOrEqual(1);
    const rows = await env.DB.prepare("SELECT id, purpose FROM account_tokens WHERE user_id = ?").bind(user.id).all<{ id: string; purpose: string }>();
    // The signup's verification link (24 h) stays.
    expect(rows.results.map((row) => row.purpose)).toEqual(["verify_email"]);
  });
});
