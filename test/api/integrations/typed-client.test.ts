import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createOpenlineClient } from "../../../web/app/lib/openline-client";
import { csvLine } from "../../../worker/csv/write";
import { uniqueEmail, uniqueIp, verifyEmail } from "../../helpers";
import { createScenario, MAPPING, prospectRows } from "../jobs/fixtures";

const BASE = "http://openline.test";
// The client's transport is the Worker's own entry, inside workerd: every call is a real request.
const transport = (ip: string) => (request: Request) => {
  request.headers.set("CF-Connecting-IP", ip);
  return exports.default.fetch(request);
};

describe("the typed client (generated from /openapi.json) against the running Worker", () => {
  it("signs up, uploads a CSV, starts a job, waits for it and downloads the CSV", async () => {
    const ip = uniqueIp();
    const anonymous = createOpenlineClient({ baseUrl: BASE, fetch: transport(ip) });
    const email = uniqueEmail("client");
    const signup = await anonymous.POST("/v1/auth/signup", { body: { email, password: "correct horse battery staple" } });
    expect(signup.response.status).toBe(201);
    // Full jobs need a verified address (the emailed link grants the free credits too).
    await verifyEmail(email);
    const api = createOpenlineClient({ baseUrl: BASE, token: signup.data!.accessToken, fetch: transport(ip) });

    const csv = prospectRows(4).map(csvLine).join("");
    const upload = await api.POST("/v1/uploads", {
      params: { query: { filename: "leads.csv" } },
      body: new Blob([csv]),
      bodySerializer: (body) => body as Blob,
      headers: { "Content-Type": "text/csv" },
    });
    expect(upload.error).toBeUndefined();
    expect(upload.data).toMatchObject({ filename: "leads.csv", rowCount: 4, format: "csv" });

    const scenario = await createScenario();
    const started = await api.POST("/v1/jobs", {
      body: { uploadId: upload.data!.id, mode: "full", mapping: MAPPING, context: { service: `AI bookkeeping for agencies. ${scenario}` } },
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    expect(started.response.status).toBe(202);
    const jobId = started.data!.id;

    let job = started.data!;
    const deadline = Date.now() + 20_000;
    while (!["succeeded", "failed", "canceled"].includes(job.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await api.GET("/v1/jobs/{id}", { params: { path: { id: jobId } } })).data!;
    }
    expect(job).toMatchObject({ status: "succeeded", succeeded: 4 });

    const output = await api.GET("/v1/jobs/{id}/output", { params: { path: { id: jobId }, query: { format: "csv" } }, parseAs: "text" });
    expect(output.response.headers.get("Content-Type")).toContain("text/csv");
    const lines = (output.data as string).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toContain("personalized_line");
    expect(lines.filter((line) => line.endsWith(",generated"))).toHaveLength(4);
  });

  it("gives a refusal as the contract's error shape, typed", async () => {
    const api = createOpenlineClient({ baseUrl: BASE, token: "not-a-token", fetch: transport(uniqueIp()) });
    const answer = await api.GET("/v1/jobs/{id}", { params: { path: { id: "job_nope" } } });
    expect(answer.response.status).toBe(401);
    expect(answer.error?.error.code).toBe("unauthorized");
  });
});
