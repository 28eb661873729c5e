import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../types";
import { jsonContent } from "../openapi-schemas";

const Check = z.enum(["ok", "error"]);
const HealthSchema = z
  .object({ status: z.enum(["ok", "degraded"]), checks: z.object({ db: Check, storage: Check, queue: Check }) })
  .openapi("Health");

/** The queue consumer acks this message type and does nothing else. */
export const HEALTH_PING = { type: "ping" } as const;

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["Operations"],
  summary: "Checks D1, R2 and the queue for real",
  responses: {
    200: jsonContent(HealthSchema, "Everything works"),
    503: jsonContent(HealthSchema, "Something is down"),
  },
});

/**
 * The queue is checked by really sending a ping, at most once a minute per isolate: /health is public,
 * and every call must not become a queue message and a consumer invocation.
 */
const QUEUE_CHECK_MS = 60_000;
// A settled value, not a shared promise: another request may await a promise this one created, but if
// this request is cancelled first, its I/O never settles and the waiters hang (the web Worker's shared
// refresh bounds that wait; a probe this cheap is simply run again).
let lastQueueCheck: { at: number; result: "ok" | "error" } | undefined;

async function checkQueue(env: Env): Promise<"ok" | "error"> {
  if (lastQueueCheck && Date.now() - lastQueueCheck.at < QUEUE_CHECK_MS) return lastQueueCheck.result;
  const result = await check(() => env.JOBS.send(HEALTH_PING));
  // Only a success is remembered: a failing queue is probed again on the next call.
  lastQueueCheck = result === "ok" ? { at: Date.now(), result } : undefined;
  return result;
}

async function check(probe: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await probe();
    return "ok";
  } catch {
    return "error";
  }
}

export function registerHealth(app: App) {
  app.openapi(route, async (c) => {
    const [db, storage, queue] = await Promise.all([
      check(() => c.env.DB.prepare("SELECT 1").first()),
      check(() => c.env.FILES.head("health-check")),
      checkQueue(c.env),
    ]);
    const checks = { db, storage, queue };
    const healthy = Object.values(checks).every((value) => value === "ok");
    if (!healthy) c.var.log.error("health check failed", { checks });
    return healthy ? c.json({ status: "ok" as const, checks }, 200) : c.json({ status: "degraded" as const, checks }, 503);
  });
}
