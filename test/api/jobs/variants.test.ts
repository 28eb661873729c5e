import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { call, expectError, json, signup, type TestUser } from "../../helpers";
import { allRows, createScenario, createUploadFixture, getJob, jobBody, ledgerState, prospectRows, scenarioStats, sleep, startJob, waitForJob } from "./fixtures";

/** Issue #15 item 4: variants for A/B, each checked and charged as a line. */
async function variantJob(rows: number, variants: number | undefined, scenarioConfig = {}) {
  const user = await signup();
  const upload = await createUploadFixture(user, prospectRows(rows), 5);
  const scenario = await createScenario(scenarioConfig);
  const started = await startJob(user, jobBody(upload.id, scenario, variants === undefined ? {} : { variants }));
  const job = await waitForJob(user, started.id);
  return { user, upload, scenario, started, job };
}

async function outputCsv(user: TestUser, jobId: string) {
  const response = await call("GET", `/v1/jobs/${jobId}/output?format=csv`, { token: user.accessToken });
  expect(response.status).toBe(200);
  const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  return { header: header!, rows: rows.filter((row) => row.length > 1) };
}

const lineColumns = (header: string[]) => header.filter((name) => name.startsWith("personalized_line"));

describe("variants on POST /v1/jobs", () => {
  it.each([0, 4, 1.5, "2"])("answers 400 for variants %s and creates nothing", async (variants) => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 5);
    const scenario = await createScenario();
    const error = await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario, { variants }) }), 400, "invalid_request");
    expect(JSON.stringify(error.details)).toContain("variants");
    const me = await json(await call("GET", "/v1/me", { token: user.accessToken }));
    expect(me.credits).toEqual({ balance: 500, held: 0 });
    expect((await json(await call("GET", "/v1/jobs", { token: user.accessToken }))).data).toEqual([]);
  });

  it("answers 400 for variants 4 inside the context too", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 5);
    const body = jobBody(upload.id, await createScenario());
    await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...body, context: { ...body.context, variants: 4 } } }), 400, "invalid_request");
  });

  it("holds rows × variants up front: 402 says so with the credits needed", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(300), 50);
    const error = await expectError(
      await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, await createScenario(), { variants: 2 }) }),
      402,
      "insufficient_credits",
    );
    expect(error.details).toEqual({ rowCount: 300, variants: 2, needed: 600, balance: 500, missing: 100 });
    expect(error.message).toContain("300 rows × 2 variants");
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits).toEqual({ balance: 500, held: 0 });
  });
});

describe("variant jobs", () => {
  it("2 variants, one failing each row: holds 2 per row, regenerates the failing one once, charges only the passing one", async () => {
    const { user, started, job, scenario } = await variantJob(8, 2, { badVariants: 1 });
    expect(started).toMatchObject({ creditsHeld: 16, variants: 2 });
    expect(job).toMatchObject({ status: "succeeded", succeeded: 8, failed: 0, creditsCharged: 8, creditsHeld: 0, variants: 2 });
    expect((await ledgerState(user.id, job.id)).charged).toBe(8);
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits).toEqual({ balance: 492, held: 0 });
    // Every row was asked once for 2 lines, then once more for the failing one.
    const stats = await scenarioStats(scenario);
    expect(stats.rowsRequested).toHaveLength(16);
    expect(stats.recent.some((r) => r.messages[1]!.content.includes("Write 2 different lines for each prospect"))).toBe(true);

    const rows = await allRows(user, job.id);
    for (const row of rows) {
      expect(row.status).toBe("generated");
      expect(row.lines).toEqual([row.line]);
      expect(row.line).not.toContain("?");
    }
    const { header, rows: out } = await outputCsv(user, job.id);
    expect(lineColumns(header)).toEqual(["personalized_line", "personalized_line_2"]);
    expect(out.map((r) => r[header.indexOf("personalized_line_2")])).toEqual(Array(8).fill(""));
    expect(out.map((r) => r[header.indexOf("personalized_line")])).toEqual(rows.map((row) => row.line));
  });

  it("3 variants, one failing each row: holds 3 per row, charges 2, exports personalized_line to _3 (CSV and XLSX)", async () => {
    const { user, started, job } = await variantJob(6, 3, { badVariants: 1 });
    expect(started.creditsHeld).toBe(18);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 6, creditsCharged: 12 });
    expect((await ledgerState(user.id, job.id)).charged).toBe(12);
    const rows = await allRows(user, job.id);
    for (const row of rows) {
      expect(row.lines).toHaveLength(2);
      expect(row.lines[0]).toBe(row.line);
      expect(new Set(row.lines).size).toBe(2);
    }
    const { header, rows: out } = await outputCsv(user, job.id);
    expect(lineColumns(header)).toEqual(["personalized_line", "personalized_line_2", "personalized_line_3"]);
    expect(header.at(-1)).toBe("line_status");
    expect(out.map((r) => r[header.indexOf("personalized_line_2")])).toEqual(rows.map((row) => row.lines[1]));
    expect(out.map((r) => r[header.indexOf("personalized_line_3")])).toEqual(Array(6).fill(""));

    // The workbook, read back by the product itself, has the same columns.
    const xlsx = await call("GET", `/v1/jobs/${job.id}/output?format=xlsx`, { token: user.accessToken });
    expect(xlsx.status).toBe(200);
    const upload = await call("POST", "/v1/uploads?filename=variants.xlsx", {
      token: user.accessToken,
      raw: new Uint8Array(await xlsx.arrayBuffer()),
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    const body = await json(upload);
    expect(upload.status, JSON.stringify(body)).toBe(201);
    expect(body.columns.slice(-4)).toEqual(["personalized_line", "personalized_line_2", "personalized_line_3", "line_status"]);
  });

  it("2 variants that fail their first check are regenerated once and then both charged", async () => {
    const { user, job } = await variantJob(5, 2, { badFirstLine: true });
    expect(job).toMatchObject({ status: "succeeded", succeeded: 5, creditsCharged: 10 });
    const rows = await allRows(user, job.id);
    for (const row of rows) {
      expect(row.lines).toHaveLength(2);
      expect(row.lines.join(" ")).not.toContain("?");
    }
  });

  it("a job without variants exports one line column and charges one credit a row", async () => {
    const { user, job, started } = await variantJob(5, undefined);
    expect(started).toMatchObject({ creditsHeld: 5, variants: 1 });
    expect(job.creditsCharged).toBe(5);
    const { header } = await outputCsv(user, job.id);
    expect(lineColumns(header)).toEqual(["personalized_line"]);
    expect((await allRows(user, job.id))[0].lines).toHaveLength(1);
  });

  it("a budget smaller than a row's variants pauses the job instead of spinning", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(6), 5);
    const started = await startJob(user, jobBody(upload.id, await createScenario(), { variants: 2, maxCredits: 5 }));
    const paused = await waitForJob(user, started.id, (job) => job.status === "paused" && job.processed === 2);
    // 5 credits write 2 rows of 2 lines; the last credit cannot buy a row, so it stays held for a resume.
    expect(paused).toMatchObject({ pauseReason: "budget", succeeded: 2, creditsCharged: 4, creditsHeld: 1 });
    await sleep(500);
    expect(await getJob(user, started.id)).toMatchObject({ status: "paused", processed: 2, creditsCharged: 4 });
    // A budget raised to cover the rest finishes it.
    expect((await call("POST", `/v1/jobs/${started.id}/resume`, { token: user.accessToken, body: { maxCredits: 12 } })).status).toBe(200);
    expect(await waitForJob(user, started.id)).toMatchObject({ status: "succeeded", succeeded: 6, creditsCharged: 12 });
  });

  it("another user gets 404 for a variant job's rows and output", async () => {
    const { job } = await variantJob(3, 2);
    const other = await signup();
    for (const path of [`/v1/jobs/${job.id}`, `/v1/jobs/${job.id}/rows`, `/v1/jobs/${job.id}/output?format=csv`]) {
      await expectError(await call("GET", path, { token: other.accessToken }), 404, "not_found");
    }
  });
});

describe("variants in previews, curation and saved contexts", () => {
  it("a preview answers every variant inline, for free", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(4), 5);
    const response = await call("POST", "/v1/jobs", {
      token: user.accessToken,
      body: { ...jobBody(upload.id, await createScenario(), { variants: 3 }), mode: "preview", previewRows: 3 },
    });
    const preview = await json(response);
    expect(response.status, JSON.stringify(preview)).toBe(200);
    expect(preview.results).toHaveLength(3);
    for (const result of preview.results) {
      expect(result.lines).toHaveLength(3);
      expect(result.lines[0]).toBe(result.line);
      expect(new Set(result.lines).size).toBe(3);
    }
    expect((await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits).toEqual({ balance: 500, held: 0 });
  });

  it("an edit replaces the first line and keeps the other variants", async () => {
    const { user, job } = await variantJob(3, 2);
    const before = (await allRows(user, job.id))[1];
    expect(before.lines).toHaveLength(2);
    const response = await call("PATCH", `/v1/jobs/${job.id}/rows/2`, { token: user.accessToken, body: { line: "My own line for Globex and its team." } });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ line: "My own line for Globex and its team.", lines: ["My own line for Globex and its team.", before.lines[1]], edited: true });
    const { header, rows } = await outputCsv(user, job.id);
    expect(rows[1]![header.indexOf("personalized_line")]).toBe("My own line for Globex and its team.");
    expect(rows[1]![header.indexOf("personalized_line_2")]).toBe(before.lines[1]);
    expect(rows[1]![header.indexOf("line_status")]).toBe("edited");
  });

  it("a saved context keeps its variants and a job using it gets them", async () => {
    const user = await signup();
    const saved = await json(
      await call("POST", "/v1/contexts", { token: user.accessToken, body: { name: "A/B", service: "AI bookkeeping for small agencies.", variants: 2 } }),
    );
    expect(saved.variants).toBe(2);
    const upload = await createUploadFixture(user, prospectRows(3), 5);
    const scenario = await createScenario();
    const body = { ...jobBody(upload.id, scenario), context: { service: `AI bookkeeping for small agencies. ${scenario}` }, contextId: saved.id };
    const started = await startJob(user, body);
    expect(started).toMatchObject({ variants: 2, creditsHeld: 6 });
    await expectError(await call("POST", "/v1/contexts", { token: user.accessToken, body: { name: "Bad", service: "AI bookkeeping.", variants: 0 } }), 400, "invalid_request");
  });
});
