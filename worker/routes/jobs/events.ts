import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { effectiveRole } from "../../accounts";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { roomFor } from "../../jobs/keys";
import { ApiError } from "../../lib/errors";
import { isIdOf } from "../../lib/ids";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App, AppEnv } from "../../types";
import { bearerSecurity, errorResponses, IdParam } from "../openapi-schemas";
import { loadOwnJob } from "./load";

/**
 * `?ticket=` (browsers: single use, 60 s, bound to this job) or the usual credentials. A ticket only
 * opens this one job's events.
 */
const ticketOrAuth = createMiddleware<AppEnv>(async (c, next) => {
  // Checked before a ticket is redeemed, so a request that cannot upgrade does not spend it.
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError("invalid_request", "Connect with a WebSocket (Upgrade: websocket).");
  }
  const ticket = c.req.query("ticket");
  if (!ticket) {
    await requireAuth(c, () => requireScope("jobs:read")(c, next).then(() => undefined));
    return;
  }
  // Only a job-shaped id reaches a room: a Durable Object is not created for whatever id a stranger sends.
  const jobId = c.req.param("id") ?? "";
  const redeemed = ticket.length <= 200 && isIdOf("job", jobId) ? await roomFor(c.env, jobId).redeemTicket({ ticket }) : null;
  if (!redeemed) throw new ApiError("unauthorized", "The ticket is unknown, used or expired; ask for a new one.");
  const [user] = await getDb(c.env).select().from(users).where(eq(users.id, redeemed.userId));
  if (!user) throw new ApiError("unauthorized", "The ticket's account no longer exists.");
  c.set("auth", { user: { ...user, role: effectiveRole(c.var.config, user) }, via: "cookie", scopes: ["jobs:read"] });
  await next();
});

const route = createRoute({
  operationId: "streamJobEvents",
  method: "get",
  path: "/v1/jobs/{id}/events",
  tags: ["Jobs"],
  summary: "WebSocket: a snapshot of the job, then progress and status messages (≤ ~10/s)",
  security: bearerSecurity,
  middleware: [ticketOrAuth] as const,
  request: { params: IdParam, query: z.object({ ticket: z.string().optional() }) },
  responses: {
    101: { description: "Switching to the WebSocket" },
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found", "conflict"),
  },
});

export function registerJobEvents(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    const room = roomFor(c.env, job.id);
    if (!(await room.read())) throw new ApiError("conflict", "This job never started, so it has no events.");
    return room.fetch(c.req.raw);
  });
}
