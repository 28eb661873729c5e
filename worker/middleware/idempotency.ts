import { createMiddleware } from "hono/factory";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import type { AppEnv } from "../types";
import { clientIp } from "./rate-limit";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const TTL_MS = 24 * 60 * 60 * 1000;
/**
 * Largest answer kept for replay (a D1 row holds 2 MB). A larger one (a preview echoing huge cells)
 * is remembered by its status alone: a replay then says the request succeeded but cannot be repeated.
 */
export const MAX_REPLAY_BYTES = 1024 * 1024;
const validKey = /^[\x21-\x7e]{1,255}$/;

/** Forgets a user's idempotency records (account deletion). */
export async function purgeIdempotencyRecords(env: Env, userId: string): Promise<void> {
  await getDb(env).delete(idempotencyKeys).where(eq(idempotencyKeys.scope, `user:${userId}`));
}

/**
 * `Idempotency-Key` on a creating POST: the same key with the same request within 24 h answers the
 * first response and creates nothing new; with a different request, or while the first is still
 * running, it answers 409. A failure is not remembered, so a retry can succeed once its cause is gone:
 * any 5xx, and any error a handler throws (402 until credits are bought, 409 while a job is busy).
 * A response a handler returns below 500 (zod's 400 included) is remembered like a success; one over
 * MAX_REPLAY_BYTES by its status only.
 *
 * `hashBody: false` is for streamed bodies (uploads), where the key alone identifies the request.
 * `secretResource` marks answers that carry a secret shown once (an API key, a session's tokens): only
 * their status and the resource id it returns are kept, and a replay answers 409 naming that id, so
 * the store never holds the secret and a replay never shows it again (ADR 068).
 */
export interface IdempotencyOptions {
  hashBody?: boolean;
  secretResource?: (body: unknown) => string | undefined;
}

export const idempotent = (options: IdempotencyOptions = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!validKey.test(key)) {
      throw new ApiError("invalid_request", "Idempotency-Key must be 1–255 printable ASCII characters.");
    }
    const db = getDb(c.env);
    const scope = c.var.auth ? `user:${c.var.auth.user.id}` : `ip:${clientIp(c)}`;
    const body = options.hashBody === false ? "" : await c.req.text();
    const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}?${new URL(c.req.url).search}\n${body}`);
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

    // Expired records are forgotten so the key can be used again.
    await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, new Date(Date.now() - TTL_MS).toISOString())));
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ scope, key, method: c.req.method, path: c.req.path, requestHash, state: "pending" })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });

    if (claimed.length === 0) {
      const [first] = await db.select().from(idempotencyKeys).where(where);
      if (!first) throw new ApiError("conflict", "This Idempotency-Key was just released; retry the request.");
      if (first.requestHash !== requestHash) {
        throw new ApiError("conflict", "This Idempotency-Key was already used with a different request.");
      }
      if (first.state === "pending") {
        throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress.");
      }
      if (first.resourceId !== null) {
        throw new ApiError(
          "conflict",
          `The request with this Idempotency-Key already succeeded (status ${first.statusCode}) and created ${first.resourceId}; its answer held a secret shown once, so it is not repeated.`,
          { status: first.statusCode, resourceId: first.resourceId },
        );
      }
      if (first.responseBody === null) {
        throw new ApiError(
          "conflict",
          `The request with this Idempotency-Key already succeeded (status ${first.statusCode}), but its answer was too large to keep for replay; read the resource it created instead.`,
          { status: first.statusCode, limitBytes: MAX_REPLAY_BYTES },
        );
      }
      return new Response(first.responseBody, {
        status: first.statusCode ?? 200,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Idempotent-Replayed": "true",
        },
      });
    }

    // Hono hands a thrown error to onError and sets c.error; next() itself does not reject.
    await next();
    if (c.res.status >= 500 || c.error) {
      await db.delete(idempotencyKeys).where(where);
      return;
    }
    const bytes = await c.res.clone().arrayBuffer();
    const text = new TextDecoder().decode(bytes);
    if (options.secretResource) {
      const resourceId = c.res.status < 300 ? options.secretResource(JSON.parse(text)) : undefined;
      // A refusal (4xx) carries no secret and replays as it was.
      const done = resourceId ? { responseBody: null, resourceId } : { responseBody: text, resourceId: null };
      await db.update(idempotencyKeys).set({ state: "done", statusCode: c.res.status, ...done }).where(where);
      return;
    }
    const responseBody = bytes.byteLength <= MAX_REPLAY_BYTES ? text : null;
    await db.update(idempotencyKeys).set({ state: "done", statusCode: c.res.status, responseBody }).where(where);
  });
