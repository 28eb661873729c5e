import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { call, expectError, json, PASSWORD, signup, signupAdmin, type TestUser } from "../../helpers";
import { adminGrant, allRows, createJobWithoutQueue, createScenario, createUploadFixture, jobBody, prospectRows, scenarioStats, startJob, updateScenario, waitForJob } from "./fixtures";

/** Issue #15: edit, review, regenerate, filter and export a finished job's rows. */
async function finishedJob(rows = 12) {
  const user = await signup();
  const upload = await createUploadFixture(user, prospectRows(rows), 10);
  const scenario = await createScenario();
  const job = await waitForJob(user, (await startJob(user, jobBody(upload.id, scenario))).id);
  expect(job.status).toBe("succeeded");
  return { user, job, scenario };
}

const patchRow = (user: TestUser, jobId: string, row: number | string, body: unknown) =>
  call("PATCH", `/v1/jobs/${jobId}/rows/${row}`, { token: user.accessToken, body });
const regenerate = (user: TestUser, jobId: string, row: number) => call("POST", `/v1/jobs/${jobId}/rows/${row}/regenerate`, { token: user.accessToken });
const rowsWhere = async (user: TestUser, jobId: string, query: string) => {
  const response = await call("GET", `/v1/jobs/${jobId}/rows?${query}`, { token: user.accessToken });
  expect(response.status).toBe(200);
  return json(response);
};
const balanceOf = async (user: TestUser) => (await json(await call("GET", "/v1/me", { token: user.accessToken }))).credits.balance;

async function outputCsv(user: TestUser, jobId: string, query = "") {
  const response = await call("GET", `/v1/jobs/${jobId}/output?format=csv${query}`, { token: user.accessToken });
  expect(response.status).toBe(200);
  const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  return { header: header!, rows: rows.filter((row) => row.length > 1) };
}

describe("PATCH /v1/jobs/:id/rows/:row", () => {
  it("saves an edited line, marks it edited, and exports it with line_status edited; null goes back", async () => {
    const { user, job } = await finishedJob();
    const before = (await allRows(user, job.id))[2];
    expect(before).toMatchObject({ row: 3, status: "generated", edited: false, review: null });

    const response = await patchRow(user, job.id, 3, { line: "  Ann, a line I wrote myself for Initech.  " });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ row: 3, line: "Ann, a line I wrote myself for Initech.", status: "generated", edited: true });
    expect((await allRows(user, job.id))[2]).toMatchObject({ line: "Ann, a line I wrote myself for Initech.", edited: true });

    const { header, rows } = await outputCsv(user, job.id);
    const line = header.indexOf("personalized_line");
    expect(rows[2]![line]).toBe("Ann, a line I wrote myself for Initech.");
    expect(rows[2]![line + 1]).toBe("edited");
    expect(rows[3]![line + 1]).toBe("generated");

    const reverted = await json(await patchRow(user, job.id, 3, { line: null }));
    expect(reverted).toMatchObject({ row: 3, line: before.line, edited: false });
  });

  it("marks rows approved or rejected; status filters and ?review=approved follow the marks", async () => {
    const { user, job } = await finishedJob();
    expect((await json(await patchRow(user, job.id, 2, { review: "approved" }))).review).toBe("approved");
    await patchRow(user, job.id, 11, { review: "approved" });
    await patchRow(user, job.id, 5, { review: "rejected" });
    await patchRow(user, job.id, 6, { line: "My own line for Hooli and its team.", review: "approved" });

    const approved = await rowsWhere(user, job.id, "status=approved");
    expect(approved.data.map((row: { row: number }) => row.row)).toEqual([2, 6, 11]);
    expect(approved.nextOffset).toBeNull();
    expect((await rowsWhere(user, job.id, "status=rejected")).data.map((row: { row: number }) => row.row)).toEqual([5]);
    expect((await rowsWhere(user, job.id, "status=edited")).data.map((row: { row: number }) => row.row)).toEqual([6]);
    expect((await rowsWhere(user, job.id, "status=generated")).data).toHaveLength(11);
    expect((await rowsWhere(user, job.id, "status=failed")).data).toEqual([]);

    const { header, rows } = await outputCsv(user, job.id, "&review=approved");
    expect(rows.map((row) => row[header.indexOf("Company Name")])).toEqual(["Globex", "Stark Freight", "Initech 10"]);
    expect(rows[1]![header.indexOf("personalized_line")]).toBe("My own line for Hooli and its team.");

    await patchRow(user, job.id, 2, { review: null });
    expect((await rowsWhere(user, job.id, "status=approved")).data.map((row: { row: number }) => row.row)).toEqual([6, 11]);
  });

  it.each([
    ["an empty body", {}],
    ["an empty line", { line: "   " }],
    ["an unknown review", { review: "maybe" }],
    ["an extra property", { line: "A fine line for Acme here.", status: "generated" }],
    ["a line that is too long", { line: "x".repeat(1001) }],
  ])("rejects %s with 400 and changes nothing", async (_label, body) => {
    const { user, job } = await finishedJob(3);
    await expectError(await patchRow(user, job.id, 1, body), 400, "invalid_request");
    expect((await allRows(user, job.id))[0]).toMatchObject({ edited: false, review: null });
  });

  it("answers 400 for a row that is not a number, 404 for a row the job does not have", async () => {
    const { user, job } = await finishedJob(3);
    await expectError(await patchRow(user, job.id, "first", { review: "approved" }), 400, "invalid_request");
    await expectError(await patchRow(user, job.id, 0, { review: "approved" }), 400, "invalid_request");
    await expectError(await patchRow(user, job.id, 4, { review: "approved" }), 404, "not_found");
  });

  it("answers 409 for a row still being written", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await createJobWithoutQueue(user, jobBody(upload.id, await createScenario()));
    await expectError(await patchRow(user, job.id, 1, { review: "approved" }), 409, "conflict");
  });

  it("answers 404 for another user's job and changes nothing", async () => {
    const { user, job } = await finishedJob(3);
    const mallory = await signup();
    await expectError(await patchRow(mallory, job.id, 1, { line: "Mallory was here at Acme GmbH." }), 404, "not_found");
    await expectError(await regenerate(mallory, job.id, 1), 404, "not_found");
    expect((await allRows(user, job.id))[0]).toMatchObject({ edited: false });
  });

  it("needs jobs:write", async () => {
    const { user, job } = await finishedJob(3);
    const key = await json(await call("POST", "/v1/api-keys", { token: user.accessToken, body: { name: "ro", scopes: ["jobs:read"] } }));
    await expectError(await call("PATCH", `/v1/jobs/${job.id}/rows/1`, { token: key.key, body: { review: "approved" } }), 403, "forbidden");
    await expectError(await call("POST", `/v1/jobs/${job.id}/rows/1/regenerate`, { token: key.key }), 403, "forbidden");
  });
});

describe("GET /v1/jobs/:id/rows?q=", () => {
  it("finds rows by company or name, accents and case aside; pages a scan with nextOffset", async () => {
    const { user, job } = await finishedJob(20);
    const globex = await rowsWhere(user, job.id, "q=globex");
    expect(globex.data.map((row: { input: Record<string, string> }) => row.input["Company Name"])).toEqual(["Globex", "Globex 9", "Globex 17"]);
    const jose = await rowsWhere(user, job.id, "q=JOSE");
    expect(jose.data.map((row: { row: number }) => row.row)).toEqual([2, 12]);
    const page = await rowsWhere(user, job.id, "q=globex&limit=1");
    expect(page.data.map((row: { row: number }) => row.row)).toEqual([2]);
    expect(page.nextOffset).toBe(2);
    const next = await rowsWhere(user, job.id, `q=globex&limit=1&offset=${page.nextOffset}`);
    expect(next.data.map((row: { row: number }) => row.row)).toEqual([10]);
    expect((await rowsWhere(user, job.id, "q=nobody+here")).data).toEqual([]);
  });

  it("rejects an unknown status filter", async () => {
    const { user, job } = await finishedJob(3);
    await expectError(await call("GET", `/v1/jobs/${job.id}/rows?status=pending`, { token: user.accessToken }), 400, "invalid_request");
  });
});

describe("POST /v1/jobs/:id/rows/:row/regenerate", () => {
  it("writes a new line with the same checks for 1 credit and clears the review mark", async () => {
    const { user, job } = await finishedJob(3);
    await patchRow(user, job.id, 2, { review: "approved" });
    const before = (await allRows(user, job.id))[1];
    const balance = await balanceOf(user);
    const response = await regenerate(user, job.id, 2);
    expect(response.status).toBe(200);
    const row = await json(response);
    expect(row).toMatchObject({ row: 2, status: "generated", edited: false, review: null, regeneration: { status: "generated", charged: 1 } });
    expect(row.line).not.toBe(before.line);
    expect(row.line).toContain("Globex");
    expect(await balanceOf(user)).toBe(balance - 1);
    expect((await allRows(user, job.id))[1].line).toBe(row.line);
    const again = await json(await regenerate(user, job.id, 2));
    expect(again.line).not.toBe(row.line);
    const credits = await json(await call("GET", "/v1/credits?limit=100", { token: user.accessToken }));
    expect(credits.held).toBe(0);
    // Regenerations are charged to the job they belong to, named by its file.
    const charges = credits.ledger.data.filter((entry: { reason: string }) => entry.reason === "job_charge");
    expect(charges.every((entry: { jobId: string; filename: string }) => entry.jobId === job.id && entry.filename === "leads.csv")).toBe(true);
    expect(charges.reduce((sum: number, entry: { delta: number }) => sum - entry.delta, 0)).toBe(job.creditsCharged + 2);
  });

  it("is free when no line passes, and leaves the row as it was", async () => {
    const { user, job, scenario } = await finishedJob(3);
    const before = (await allRows(user, job.id))[0];
    await updateScenario(scenario, { garbage: 1 });
    const balance = await balanceOf(user);
    const row = await json(await regenerate(user, job.id, 1));
    expect(row).toMatchObject({ row: 1, line: before.line, regeneration: { status: "failed", charged: 0 } });
    expect(row.regeneration.reason).toMatch(/^invalid_answer/);
    expect(await balanceOf(user)).toBe(balance);
    expect((await json(await call("GET", "/v1/credits", { token: user.accessToken }))).held).toBe(0);
  });

  it("answers 402 without credits and calls no model", async () => {
    const { user, job, scenario } = await finishedJob(3);
    await adminGrant(await signupAdmin(), user.id, -(await balanceOf(user)));
    const calls = (await scenarioStats(scenario)).requests;
    const error = await expectError(await regenerate(user, job.id, 1), 402, "insufficient_credits");
    expect(error.details).toMatchObject({ rowCount: 1, balance: 0, missing: 1 });
    expect((await scenarioStats(scenario)).requests).toBe(calls);
  });

  it("answers 409 while the job runs and for previews, 404 for a row it does not have", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const scenario = await createScenario();
    const queued = await createJobWithoutQueue(user, jobBody(upload.id, scenario));
    await expectError(await regenerate(user, queued.id, 1), 409, "conflict");
    const preview = await json(await call("POST", "/v1/jobs", { token: user.accessToken, body: jobBody(upload.id, scenario, { mode: "preview" }) }));
    await expectError(await regenerate(user, preview.id, 1), 409, "conflict");
    const { user: owner, job } = await finishedJob(3);
    await expectError(await regenerate(owner, job.id, 9), 404, "not_found");
  });
});

describe("a list without a company column", () => {
  it("takes the company from each work email's domain, and the lines name it", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, [["Name", "Email"], ["Maya", "maya@brightwell-dental.com"], ["Jonas", "jonas@nordlicht.de"]], 10);
    const scenario = await createScenario();
    const response = await call("POST", "/v1/jobs", {
      token: user.accessToken,
      body: { uploadId: upload.id, mode: "preview", mapping: { first_name: "Name", email: "Email" }, context: { service: `AI bookkeeping for agencies. ${scenario}` } },
    });
    expect(response.status).toBe(200);
    const preview = await json(response);
    expect(preview.results.map((row: { status: string }) => row.status)).toEqual(["generated", "generated"]);
    expect(preview.results[0].line).toContain("Brightwell Dental");
    expect(preview.results[1].line).toContain("Nordlicht");
    const noEmail = await call("POST", "/v1/jobs", { token: user.accessToken, body: { uploadId: upload.id, mode: "preview", mapping: { first_name: "Name" }, context: { service: "AI bookkeeping." } } });
    await expectError(noEmail, 400, "invalid_request");
  });
});

describe("a preview written again", () => {
  it("asks for other lines with previewAttempt, so Regenerate changes them", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const body = jobBody(upload.id, await createScenario(), { mode: "preview", previewRows: 3 });
    const lines = async (extra: object) => (await json(await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...body, ...extra } }))).results.map((row: { line: string }) => row.line);
    const first = await lines({});
    expect(await lines({})).toEqual(first);
    const again = await lines({ previewAttempt: 2 });
    expect(again).toHaveLength(3);
    expect(again).not.toEqual(first);
    await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...body, previewAttempt: 0 } }), 400, "invalid_request");
  });
});

describe("the user's curation in the account export and deletion", () => {
  it("exports saved contexts and row edits, never another user's, and deletes them with the account", async () => {
    const { user, job } = await finishedJob(3);
    await patchRow(user, job.id, 2, { line: "My own line for Globex here.", review: "approved" });
    await call("POST", "/v1/contexts", { token: user.accessToken, body: { name: "Mine", service: "AI bookkeeping for agencies." } });
    const other = await signup();
    await call("POST", "/v1/contexts", { token: other.accessToken, body: { name: "Theirs", service: "Boats for rivers." } });
    const data = await json(await call("GET", "/v1/account/export", { token: user.accessToken }));
    expect(data.savedContexts.map((saved: { name: string }) => saved.name)).toEqual(["Mine"]);
    expect(data.rowEdits).toEqual([expect.objectContaining({ jobId: job.id, row: 2, line: "My own line for Globex here.", edited: true, review: "approved" })]);

    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    const left = await env.DB.prepare("SELECT (SELECT COUNT(*) FROM row_overrides WHERE job_id = ?) AS edits, (SELECT COUNT(*) FROM saved_contexts WHERE user_id = ?) AS contexts")
      .bind(job.id, user.id)
      .first<{ edits: number; contexts: number }>();
    expect(left).toEqual({ edits: 0, contexts: 0 });
  });
});
