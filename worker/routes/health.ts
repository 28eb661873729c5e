import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../types";
import { jsonContent } from "./openapi-schemas";

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
      check(() => c.env.JOBS.send(HEALTH_PING)),
    ]);
    const checks = { db, storage, queue };
    const healthy = Object.values(checks).every((value) => value === "ok");
    if (!healthy) c.var.log.error("health check failed", { checks });
    return healthy ? c.json({ status: "ok" as const, checks }, 200) : c.json({ status: "degraded" as const, checks }, 503);
  });
}
