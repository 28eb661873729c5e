import { createRoute, z } from "@hono/zod-openapi";
import { roomFor } from "../../jobs/keys";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonContent } from "../openapi-schemas";
import { loadOwnJob } from "./load";

const TicketSchema = z
  .object({
    ticket: z.string().openapi({ description: "Pass as ?ticket= to /v1/jobs/:id/events; works once, for 60 seconds" }),
    expiresAt: z.string(),
  })
  .openapi("JobEventsTicket");

const route = createRoute({
  operationId: "createJobTicket",
  method: "post",
  path: "/v1/jobs/{id}/ticket",
  tags: ["Jobs"],
  summary: "A single-use, 60-second ticket for the job's WebSocket (browsers cannot send headers there)",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("jobs:read")] as const,
  request: { params: IdParam },
  responses: {
    201: jsonContent(TicketSchema, "The ticket"),
    ...errorResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerJobTicket(app: App) {
  app.openapi(route, async (c) => {
    const job = await loadOwnJob(c.env, c.var.auth.user.id, c.req.valid("param").id);
    return c.json(await roomFor(c.env, job.id).issueTicket({ userId: c.var.auth.user.id }), 201);
  });
}
