/**
 * Compiled (never run) by test/web/openapi-document.test.ts: the generated types and the client accept
 * the document's calls and refuse what it does not have. A `@ts-expect-error` that stops erroring fails too.
 */
import { createOpenlineClient } from "../../web/app/lib/openline-client";

export async function calls() {
  const api = createOpenlineClient({ baseUrl: "http://localhost:8787", token: "olk_…" });
  const job = await api.GET("/v1/jobs/{id}", { params: { path: { id: "job_1" } } });
  const status: "queued" | "running" | "paused" | "succeeded" | "failed" | "canceled" | undefined = job.data?.status;
  const code: string | undefined = job.error?.error.code;
  await api.POST("/v1/jobs", { body: { uploadId: "upl_1", mode: "full", mapping: { company: "Company" }, context: { service: "We sell bookkeeping" } } });
  await api.GET("/v1/webhook-deliveries", { params: { query: { limit: 10 } } });
  // @ts-expect-error: no such path
  await api.GET("/v1/nope");
  // @ts-expect-error: a job needs its uploadId
  await api.POST("/v1/jobs", { body: { mode: "full", mapping: {}, context: { service: "x" } } });
  // @ts-expect-error: the path parameter is required
  await api.GET("/v1/jobs/{id}", {});
  return { status, code };
}
