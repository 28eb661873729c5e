import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONTEXT } from "../../web/app/components/ContextForm";
import { EditableLine } from "../../web/app/components/RowCuration";
import { buildJobSpec, type JobDraft } from "../../web/app/lib/job-spec";
import { draftWithSaved } from "../../web/app/lib/saved-contexts";
import type { JobRow, SavedContext } from "../../web/app/lib/types";
import { lineColumnNames, writtenSummary } from "../../web/app/lib/variants";
import * as jobRoute from "../../web/app/routes/job";
import { contextWith, dataOf, fakeApi, formRequest, json, statusOf } from "./helpers";

/** Issue #15: the job page's variant editing and counts, and the wizard taking a saved context's research choice. */
const APP = "http://localhost:8787";
const render = (element: ReactElement) => {
  const Stub = createRoutesStub([{ path: "/", Component: () => element }]);
  return renderToString(<Stub initialEntries={["/"]} />);
};

const draft: JobDraft = { mapping: { company: "Company", email: "Email" }, extraColumns: [], context: { ...DEFAULT_CONTEXT, service: "Boats" }, maxCredits: "", webhookUrl: "" };
const saved = (extra: Partial<SavedContext>): SavedContext => ({
  id: "ctx_1",
  name: "Rivers",
  service: "Boats for rivers, sold to marinas.",
  tone: "casual",
  lastUsedAt: null,
  createdAt: "2026-12-01T00:00:00Z",
  updatedAt: "2026-12-01T00:00:00Z",
  ...extra,
});

describe("a saved context in the wizard", () => {
  it("takes the context's website-research choice (off stays off in the job it sends) and its variants", () => {
    const off = draftWithSaved(draft, saved({ research: { website: false }, variants: 2 }));
    expect(off).toMatchObject({ contextId: "ctx_1", research: false, context: { service: "Boats for rivers, sold to marinas.", tone: "casual", variants: 2 } });
    expect(buildJobSpec("upl_1", off)).toMatchObject({ research: { website: false }, variants: 2, contextId: "ctx_1" });
    const on = draftWithSaved({ ...draft, research: false }, saved({ research: { website: true } }));
    expect(buildJobSpec("upl_1", on).research).toEqual({ website: true });
  });

  it("keeps the draft's research choice when the context was saved without one", () => {
    expect(draftWithSaved({ ...draft, research: false }, saved({})).research).toBe(false);
    expect(buildJobSpec("upl_1", draftWithSaved(draft, saved({}))).research).toEqual({ website: true });
  });
});

describe("a variant job's page", () => {
  it("counts prospects and lines apart, and names every line column of the download", () => {
    expect(writtenSummary({ succeeded: 12, creditsCharged: 12, variants: 1 })).toBe("12 lines written");
    expect(writtenSummary({ succeeded: 12, creditsCharged: 30, variants: 3 })).toBe("12 prospects, 30 lines written");
    expect(lineColumnNames(1)).toBe("personalized_line");
    expect(lineColumnNames(2)).toBe("personalized_line and personalized_line_2");
    expect(lineColumnNames(3)).toBe("personalized_line, personalized_line_2 and personalized_line_3");
  });

  it("edits every variant of a row: one box each, lettered, the missing one empty", () => {
    const row: JobRow = { row: 4, input: {}, line: "Line A.", lines: ["Line A.", "Line B."], status: "generated", edited: false, review: null };
    const html = render(<EditableLine row={row} curation={{ jobId: "job_1", canRegenerate: true, variants: 3 }} editing onDone={() => undefined} />);
    expect(html.match(/<textarea/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Line for row 4"');
    expect(html).toContain('aria-label="Line B for row 4"');
    expect(html).toMatch(/name="line_3"[^>]*><\/textarea>/);
    expect(html).toMatch(/name="line_2"[^>]*>Line B\.<\/textarea>/);
    expect(html).toContain("Save lines");
  });

  it("sends one PATCH per changed line, with its variant, and none for lines left as they were", async () => {
    const api = fakeApi({ "PATCH /v1/jobs/job_1/rows/4": json(200, { row: 4 }) });
    const fields = { intent: "row-edit", row: "4", variants: "3", line: "Line A.", original_1: "Line A.", line_2: "My line B.", original_2: "Line B.", line_3: "", original_3: "" };
    const result = await jobRoute.action({ request: formRequest(`${APP}/jobs/job_1`, fields), context: contextWith(api), params: { jobId: "job_1" } } as never);
    expect(dataOf(result)).toEqual({ ok: true, intent: "row-edit" });
    expect(api.calls.map((call) => [call.method, call.path, JSON.parse(call.body)])).toEqual([["PATCH", "/v1/jobs/job_1/rows/4", { line: "My line B.", variant: 2 }]]);
  });

  it("stops at the API's refusal and shows it", async () => {
    const api = fakeApi({ "PATCH /v1/jobs/job_1/rows/4": json(400, { error: { code: "invalid_request", message: "This job writes 2 lines per row; there is no variant 3.", details: {} } }) });
    const fields = { intent: "row-edit", row: "4", variants: "3", line: "New A.", original_1: "Line A.", line_3: "New C.", original_3: "" };
    const result = await jobRoute.action({ request: formRequest(`${APP}/jobs/job_1`, fields), context: contextWith(api), params: { jobId: "job_1" } } as never);
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toMatchObject({ ok: false, error: { message: /no variant 3/ } });
    expect(api.calls).toHaveLength(1);
  });
});
