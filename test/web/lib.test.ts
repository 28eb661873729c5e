import { describe, expect, it } from "vitest";
import { RUNNING_JOB } from "./helpers";
import { describeUploadError, doctorFindings } from "../../web/app/lib/doctor";
import { costSentence, describeRows, formatDuration, formatMoney } from "../../web/app/lib/format";
import { buildJobSpec, jobIdOf, modelOf, previewResultsOf, rowsOf, rowsPageOf } from "../../web/app/lib/job-spec";
import { isSampleModel } from "../../web/app/lib/sample-model";
import { groupLedger } from "../../web/app/lib/ledger";
import { contextOfSaved, lastUsedContext } from "../../web/app/lib/saved-contexts";
import { fittingProfiles, initialMapping, mappingProblems, unmappedColumns } from "../../web/app/lib/mapping";
import { addSample, applyJobEvent, etaSeconds, percentDone, rowsPerSecond } from "../../web/app/lib/progress";
import { contentTypeFor } from "../../web/app/lib/upload-client";
import { dailyUsage, niceMax } from "../../web/app/lib/usage";
import type { Job, Upload } from "../../web/app/lib/types";

const upload: Upload = {
  id: "upl_1",
  filename: "leads.csv",
  format: "csv",
  sizeBytes: 9638,
  encoding: "windows-1252",
  delimiter: ";",
  headerRow: 3,
  sheetName: null,
  suggestedProfile: null,
  columns: ["First Name", "Company Name", "Job Title", "Notes"],
  rowCount: 9812,
  sampleRows: [{ "First Name": "Ann", "Company Name": "Acme", "Job Title": "CEO", Notes: "" }],
  suggestedMapping: { first_name: "First Name", company: "Company Name", title: "Job Title", email: "Gone Column", bogus: "Notes" } as Upload["suggestedMapping"],
  warnings: [{ code: "duplicate_rows", message: "2 rows share an email address", rows: [3, 4], count: 2 }],
  createdAt: "2026-11-01T00:00:00.000Z",
};

const job = RUNNING_JOB;

describe("the cost sentence", () => {
  it("reads like the issue says", () => {
    expect(costSentence(9812, 12500)).toBe("9,812 rows → 9,812 credits; you have 12,500");
  });
  it("counts a credit per variant", () => {
    expect(costSentence(10, 50, 3)).toBe("10 rows × 3 lines → 30 credits; you have 50");
  });
  it("uses the singular for one row", () => {
    expect(costSentence(1, 0)).toBe("1 row → 1 credit; you have 0");
  });
});

describe("the file doctor's findings", () => {
  it("explains encoding, delimiter, title rows, count and warnings with row numbers in plain words", () => {
    const texts = doctorFindings(upload).map((finding) => finding.text);
    expect(texts).toContain("Read leads.csv as a CSV file (9.4 kB).");
    expect(texts.some((text) => text.startsWith("Text encoding: Windows-1252"))).toBe(true);
    expect(texts.some((text) => text.startsWith("Columns are separated by semicolons (;)"))).toBe(true);
    expect(texts).toContain("The column names are on row 3; the 2 lines above it (a title) were skipped.");
    expect(texts).toContain("9,812 prospects in 4 columns (blank lines are not counted).");
    expect(texts).toContain("2 rows share an email address (rows 3 and 4).");
    expect(doctorFindings(upload).at(-1)?.tone).toBe("warning");
  });
  it("flags a file without data rows", () => {
    const findings = doctorFindings({ ...upload, rowCount: 0, warnings: [], headerRow: 1 });
    expect(findings).toContainEqual({ tone: "warning", text: "No prospects found under the header row." });
  });
  it("says where an unparseable file broke and what to do", () => {
    expect(
      describeUploadError({ code: "unparseable_file", message: "A quoted field starting on line 14 is never closed", details: { reason: "unterminated_quote", line: 14 } }),
    ).toBe("A quoted field starting on line 14 is never closed. Open the file in Excel or Google Sheets, fix that spot, and export it again as CSV or XLSX.");
    expect(describeUploadError({ code: "unparseable_file", message: "Bad cell.", details: { row: 9, sheet: "Leads", reason: "the cell holds a formula error" } })).toBe(
      "Bad cell. Where: row 9, sheet Leads. Why: the cell holds a formula error. Open the file in Excel or Google Sheets, fix that spot, and export it again as CSV or XLSX.",
    );
    expect(describeUploadError({ code: "unparseable_file", message: "Not a valid XLSX.", details: { reason: "invalid_zip" } })).toBe(
      "Not a valid XLSX. Open the file in Excel or Google Sheets and save it again as CSV UTF-8 or XLSX.",
    );
    expect(describeUploadError({ code: "file_too_large", message: "The file is larger than 100 MB", details: {} })).toBe(
      "The file is larger than 100 MB. Split the list into smaller files and upload them one by one.",
    );
  });
});

describe("row lists and durations", () => {
  it("shortens long row lists", () => {
    expect(describeRows([7])).toBe("row 7");
    expect(describeRows([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toBe("rows 1, 2, 3 and 7 more");
  });
  it("formats durations and money", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(185)).toBe("3 min");
    expect(formatDuration(4800)).toBe("1 h 20 min");
    expect(formatMoney(1900, "usd")).toBe("$19");
    expect(formatMoney(1950, "eur")).toBe("€19.50");
  });
});

describe("mapping", () => {
  it("keeps only known fields pointing at existing columns from the suggestion", () => {
    expect(initialMapping(upload)).toEqual({ first_name: "First Name", company: "Company Name", title: "Job Title" });
  });
  it("requires the company", () => {
    expect(mappingProblems({ first_name: "First Name" }).company).toMatch(/company/);
    expect(mappingProblems({ company: "Company Name" })).toEqual({});
  });
  it("offers only profiles whose columns all exist, and lists unmapped columns", () => {
    const profiles = [
      { id: "p1", name: "fits", mapping: { company: "Company Name" }, createdAt: "x", updatedAt: "x" },
      { id: "p2", name: "does not", mapping: { company: "Organisation" }, createdAt: "x", updatedAt: "x" },
    ];
    expect(fittingProfiles(profiles, upload.columns).map((profile) => profile.id)).toEqual(["p1"]);
    expect(unmappedColumns(upload.columns, { company: "Company Name", title: "Job Title" })).toEqual(["First Name", "Notes"]);
  });
});

describe("the job request body", () => {
  it("leaves empty optional answers out and drops extra columns that are mapped", () => {
    const spec = buildJobSpec("upl_1", {
      mapping: { company: "Company Name" },
      extraColumns: ["Notes", "Company Name"],
      context: { service: "  We sell boats.  ", tone: "friendly", language: "en", maxWords: 25, instructions: " " },
      maxCredits: "",
      webhookUrl: "",
    });
    expect(spec).toEqual({
      uploadId: "upl_1",
      mapping: { company: "Company Name" },
      extraColumns: ["Notes"],
      context: { service: "We sell boats.", tone: "friendly", language: "en", maxWords: 25 },
    });
  });
  it("reads websites by default when a website or email column is mapped, unless switched off", () => {
    const draft = { extraColumns: [], context: { service: "We sell boats.", tone: "friendly", language: "en", maxWords: 25 }, maxCredits: "", webhookUrl: "" };
    expect(buildJobSpec("upl_1", { ...draft, mapping: { company: "C", email: "E" } }).research).toEqual({ website: true });
    expect(buildJobSpec("upl_1", { ...draft, mapping: { company: "C", website: "W" }, research: false }).research).toEqual({ website: false });
    expect(buildJobSpec("upl_1", { ...draft, mapping: { company: "C" }, research: true }).research).toBeUndefined();
  });
  it("sends a budget and a webhook when given", () => {
    const spec = buildJobSpec("upl_1", {
      mapping: { company: "C" },
      extraColumns: [],
      context: { service: "We sell boats to you", tone: "direct", language: "de", maxWords: 30, instructions: "Use first names" },
      maxCredits: "250",
      webhookUrl: " https://crm.example/hook ",
    });
    expect(spec).toMatchObject({ maxCredits: 250, webhookUrl: "https://crm.example/hook", context: { instructions: "Use first names" } });
  });
  it("sends variants on their own when more than one line per prospect is chosen", () => {
    const draft = { mapping: { company: "C" }, extraColumns: [], maxCredits: "", webhookUrl: "" };
    const context = { service: "We sell boats to you", tone: "direct", language: "de", maxWords: 30 };
    expect(buildJobSpec("upl_1", { ...draft, context: { ...context, variants: 3 } })).toMatchObject({ variants: 3, context });
    expect(buildJobSpec("upl_1", { ...draft, context: { ...context, variants: 1 } })).not.toHaveProperty("variants");
  });
  it("reads preview results, job ids and rows in the shapes the API may answer", () => {
    const row = { row: 1, input: {}, line: "Hi", status: "succeeded" };
    expect(previewResultsOf({ id: "job_1", results: [row] })).toEqual([row]);
    expect(previewResultsOf({ job: { results: [row] } })).toEqual([row]);
    expect(previewResultsOf({})).toEqual([]);
    expect(jobIdOf({ id: "job_9" })).toBe("job_9");
    expect(() => jobIdOf({})).toThrow();
    expect(rowsOf({ data: [row] })).toEqual([row]);
    expect(rowsOf([row])).toEqual([row]);
    expect(rowsPageOf({ data: [row], total: 60, nextOffset: 25 }, 25)).toEqual({ rows: [row], hasMore: true, total: 60, nextOffset: 25 });
    expect(rowsPageOf({ data: [row], total: 1, nextOffset: null }, 1)).toEqual({ rows: [row], hasMore: false, total: 1, nextOffset: null });
    expect(rowsPageOf([row], 1)).toEqual({ rows: [row], hasMore: true, total: null, nextOffset: null });
  });
});

describe("live progress", () => {
  it("applies snapshots, progress and status messages from the job's WebSocket", () => {
    const snapshot = applyJobEvent({ ...job, processed: 0 }, { type: "snapshot", job: { ...job, processed: 100 } });
    expect(snapshot.processed).toBe(100);
    const progressed = applyJobEvent(job, { type: "progress", processed: 3000, succeeded: 2990, failed: 10, creditsCharged: 2990 });
    expect(progressed).toMatchObject({ processed: 3000, succeeded: 2990, creditsCharged: 2990, status: "running" });
    expect(applyJobEvent(job, { type: "status", status: "succeeded", finishedAt: "2026-11-01T01:00:00.000Z" })).toMatchObject({
      status: "succeeded",
      finishedAt: "2026-11-01T01:00:00.000Z",
    });
    expect(applyJobEvent(job, { type: "status", status: "exploded" }).status).toBe("running");
    expect(applyJobEvent(job, { type: "chat", processed: 1 })).toBe(job);
    expect(applyJobEvent(job, "garbage")).toBe(job);
  });
  it("measures rows per second over a sliding window and the time left", () => {
    let samples = addSample([], { at: 0, processed: 0 });
    samples = addSample(samples, { at: 10_000, processed: 500 });
    expect(rowsPerSecond(samples)).toBe(50);
    expect(etaSeconds({ total: 10_000, processed: 500 }, 50)).toBe(190);
    samples = addSample(samples, { at: 40_000, processed: 2000 });
    expect(samples[0]!.at).toBe(10_000);
    expect(rowsPerSecond(samples)).toBe(50);
    expect(addSample(samples, { at: 41_000, processed: 10 })).toEqual([{ at: 41_000, processed: 10 }]);
    expect(rowsPerSecond([{ at: 0, processed: 5 }])).toBeNull();
    expect(etaSeconds({ total: 10, processed: 5 }, null)).toBeNull();
  });
  it("rounds the percentage down so 100% means done", () => {
    expect(percentDone({ total: 3, processed: 2 })).toBe(66);
    expect(percentDone({ total: 1000, processed: 999 })).toBe(99);
    expect(percentDone({ total: 0, processed: 0 })).toBe(0);
  });
});

describe("usage over time", () => {
  const now = new Date("2026-11-22T12:00:00.000Z");
  it("sums job charges per UTC day, oldest day first", () => {
    const usage = dailyUsage(
      [
        { id: "1", delta: -40, reason: "job_charge", jobId: "job_1", note: null, createdAt: "2026-11-22T01:00:00.000Z" },
        { id: "2", delta: -60, reason: "job_charge", jobId: "job_1", note: null, createdAt: "2026-11-22T23:59:59.000Z" },
        { id: "3", delta: -5, reason: "job_charge", jobId: "job_2", note: null, createdAt: "2026-11-20T10:00:00.000Z" },
        { id: "4", delta: 500, reason: "signup", jobId: null, note: null, createdAt: "2026-11-20T10:00:00.000Z" },
        { id: "5", delta: -7, reason: "job_charge", jobId: "job_3", note: null, createdAt: "2026-09-01T10:00:00.000Z" },
      ],
      7,
      now,
    );
    expect(usage).toHaveLength(7);
    expect(usage[0]!.day.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(usage.map((day) => day.used)).toEqual([0, 0, 0, 0, 5, 0, 100]);
  });
  it("picks a round axis maximum", () => {
    expect(niceMax(0)).toBe(10);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(4500)).toBe(5000);
  });
});

describe("upload content types", () => {
  it("labels files by extension as the API accepts them", () => {
    expect(contentTypeFor("Leads.XLSX")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(contentTypeFor("export.csv")).toBe("text/csv");
    expect(contentTypeFor("notes.txt")).toBe("text/plain");
    expect(contentTypeFor("mystery.bin")).toBe("application/octet-stream");
  });
});

describe("the API's own pace", () => {
  it("is taken from progress messages when present", () => {
    expect(applyJobEvent(job, { type: "progress", processed: 2600, rowsPerSecond: 12.5, etaSeconds: 592 })).toMatchObject({ rowsPerSecond: 12.5, etaSeconds: 592 });
    expect(applyJobEvent({ ...job, rowsPerSecond: 3 }, { type: "progress", rowsPerSecond: null }).rowsPerSecond).toBeNull();
  });
});

describe("context checks", () => {
  it("asks for a service description and a word limit the API accepts", async () => {
    const { contextProblems, DEFAULT_CONTEXT } = await import("../../web/app/components/ContextForm");
    expect(contextProblems(DEFAULT_CONTEXT).service).toMatch(/at least 10 characters/);
    const ok = { ...DEFAULT_CONTEXT, service: "We sell dental recall software." };
    expect(contextProblems(ok)).toEqual({});
    expect(contextProblems({ ...ok, maxWords: 7 }).maxWords).toBe("Choose between 8 and 60 words.");
    expect(contextProblems({ ...ok, maxWords: 61 }).maxWords).toBe("Choose between 8 and 60 words.");
    expect(contextProblems({ ...ok, maxWords: Number.NaN }).maxWords).toBeDefined();
  });
});

describe("saved contexts and the sample model", () => {
  const saved = (id: string, lastUsedAt: string | null) =>
    ({ id, name: id, service: "Boats for rivers", tone: "casual", lastUsedAt, createdAt: "2026-12-01T00:00:00Z", updatedAt: "2026-12-01T00:00:00Z" }) as const;
  it("prefills the saved context a job used last, never one no job used", () => {
    expect(lastUsedContext([saved("a", "2026-12-01T10:00:00Z"), saved("b", "2026-12-02T09:00:00Z"), saved("c", null)])?.id).toBe("b");
    expect(lastUsedContext([saved("c", null)])).toBeNull();
    expect(contextOfSaved(saved("a", null))).toEqual({ service: "Boats for rivers", tone: "casual" });
  });
  it("sends the saved context's id with the job, and knows the sample model by name", () => {
    const draft = { mapping: { company: "Company" }, extraColumns: [], context: { service: "Boats", tone: "friendly", language: "en", maxWords: 25 }, maxCredits: "", webhookUrl: "", contextId: "ctx_1" };
    expect(buildJobSpec("upl_1", draft)).toMatchObject({ contextId: "ctx_1" });
    expect(isSampleModel(modelOf({ model: "openline-local-sample" }))).toBe(true);
    expect(isSampleModel(modelOf({ model: "deepseek-flash" }))).toBe(false);
  });
});

describe("the ledger on the account page", () => {
  it("shows a job's charges as one line with its file name, other entries as they are", () => {
    const entry = (id: string, delta: number, reason: string, jobId: string | null) =>
      ({ id, delta, reason, jobId, note: null, createdAt: `2026-12-02T10:00:0${id}Z`, filename: jobId ? `${jobId}.csv` : null }) as never;
    const lines = groupLedger([entry("5", -100, "job_charge", "job_a"), entry("4", -40, "job_charge", "job_b"), entry("3", -100, "job_charge", "job_a"), entry("2", 1000, "pack", null), entry("1", 500, "signup", null)]);
    expect(lines.map((line) => [line.jobId, line.delta, line.count, line.filename])).toEqual([
      ["job_a", -200, 2, "job_a.csv"],
      ["job_b", -40, 1, "job_b.csv"],
      [null, 1000, 1, null],
      [null, 500, 1, null],
    ]);
  });
});
