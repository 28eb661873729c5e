import { describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import * as accountSettings from "../../web/app/routes/account.settings";
import * as apiKeys from "../../web/app/routes/account.api-keys";
import * as admin from "../../web/app/routes/admin";
import * as billing from "../../web/app/routes/account.billing";
import * as job from "../../web/app/routes/job";
import * as jobDownload from "../../web/app/routes/job-download";
import * as login from "../../web/app/routes/login";
import * as logout from "../../web/app/routes/logout";
import * as newJob from "../../web/app/routes/jobs.new";
import * as signup from "../../web/app/routes/signup";
import { cloudflareContext, sessionContext } from "../../web/app/lib/context.server";
import { redirectSignedInMiddleware, requireAdminMiddleware, requireUserMiddleware, sessionMiddleware } from "../../web/app/lib/middleware.server";
import { clearSessionCookies } from "../../web/app/lib/session.server";
import { apiError, caught, contextWith, dataOf, fakeApi, formRequest, json, ME, statusOf, tokenExpiringAt } from "./helpers";

const APP = "http://localhost:8787";
// Route functions take React Router's args; these tests pass what they read.
const call = <T,>(fn: (args: never) => T, request: Request, context: RouterContextProvider, params: Record<string, string> = {}) =>
  fn({ request, context, params } as never);
const session = { user: { id: "usr_1" }, accessToken: tokenExpiringAt(Math.floor(Date.now() / 1000) + 900), refreshToken: "ort_2", expiresIn: 900 };
const upload = {
  id: "upl_1",
  filename: "leads.csv",
  format: "csv",
  sizeBytes: 10,
  encoding: "utf-8",
  delimiter: ";",
  headerRow: 1,
  columns: ["Company"],
  rowCount: 600,
  sampleRows: [],
  suggestedMapping: { company: "Company" },
  warnings: [],
  createdAt: "2026-11-01T00:00:00.000Z",
};
const aJob = { id: "job_1", uploadId: "upl_1", mode: "full", status: "running", total: 10, processed: 4, succeeded: 4, failed: 0, creditsHeld: 6, creditsCharged: 4, createdAt: "x", startedAt: null, finishedAt: null, error: null };

describe("root middleware", () => {
  const next = () => Promise.resolve(new Response("page"));
  it("reads the user once and puts the session in the context", async () => {
    const api = fakeApi({ "GET /v1/me": json(200, ME) });
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: api }, ctx: { waitUntil: () => undefined } });
    const access = tokenExpiringAt(Math.floor(Date.now() / 1000) + 600);
    const request = new Request(`${APP}/jobs`, { headers: { Cookie: `__Host-ol_access=${access}; __Host-ol_refresh=r; __Host-ol_csrf=c` } });
    const response = (await sessionMiddleware({ request, context } as never, next)) as Response;
    expect(context.get(sessionContext)).toEqual({ accessToken: access, csrfToken: "c", user: ME, userUnavailable: false });
    expect(api.calls[0]!.headers.get("Authorization")).toBe(`Bearer ${access}`);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
  it("sets the refreshed cookies on the page, unless the route set them itself", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": json(200, session), "GET /v1/me": json(200, ME) });
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: api }, ctx: { waitUntil: () => undefined } });
    const request = new Request(`${APP}/jobs`, { headers: { Cookie: "__Host-ol_refresh=ort_page; __Host-ol_csrf=c" } });
    const refreshed = (await sessionMiddleware({ request, context } as never, next)) as Response;
    expect(refreshed.headers.getSetCookie().map((cookie) => cookie.split("=")[0])).toEqual(["__Host-ol_access", "__Host-ol_refresh", "__Host-ol_csrf"]);
    const own = await sessionMiddleware({ request, context } as never, () =>
      Promise.resolve(new Response(null, { status: 302, headers: [["Set-Cookie", "__Host-ol_access=; Max-Age=0"], ["Set-Cookie", "__Host-ol_refresh=; Max-Age=0"], ["Set-Cookie", "__Host-ol_csrf=; Max-Age=0"]] })),
    );
    expect((own as Response).headers.getSetCookie()).toHaveLength(3);
  });
  it("ends the session when the API no longer accepts the token", async () => {
    const api = fakeApi({ "GET /v1/me": apiError(401, "unauthorized", "gone") });
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: api }, ctx: { waitUntil: () => undefined } });
    const request = new Request(`${APP}/`, { headers: { Cookie: `__Host-ol_access=${tokenExpiringAt(Math.floor(Date.now() / 1000) + 600)}` } });
    const response = (await sessionMiddleware({ request, context } as never, next)) as Response;
    expect(context.get(sessionContext).user).toBeNull();
    expect(response.headers.getSetCookie()).toEqual(clearSessionCookies());
  });
  it("when the API is down: pages that need the user answer 503 (not a login page); the rest still render", async () => {
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: { fetch: async () => new Response("boom", { status: 500 }) } }, ctx: { waitUntil: () => undefined } });
    const request = new Request(`${APP}/jobs`, { headers: { Cookie: `__Host-ol_access=${tokenExpiringAt(Math.floor(Date.now() / 1000) + 600)}` } });
    const page = (await sessionMiddleware({ request, context } as never, next)) as Response;
    expect(await page.text()).toBe("page");
    expect(context.get(sessionContext)).toMatchObject({ user: null, userUnavailable: true });
    expect(statusOf(await caught(requireUserMiddleware({ request, context } as never, next)))).toBe(503);
    expect(statusOf(await caught(requireAdminMiddleware({ request, context } as never, next)))).toBe(503);
    expect(statusOf(await caught(redirectSignedInMiddleware({ request, context } as never, next)))).toBe(503);
  });
  it("treats a GET /v1/me answer that is not JSON like an API that is down, not as a crash", async () => {
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: { fetch: async () => new Response("<html>proxy page</html>", { status: 200 }) } }, ctx: { waitUntil: () => undefined } });
    const request = new Request(`${APP}/jobs`, { headers: { Cookie: `__Host-ol_access=${tokenExpiringAt(Math.floor(Date.now() / 1000) + 600)}` } });
    const page = (await sessionMiddleware({ request, context } as never, next)) as Response;
    expect(await page.text()).toBe("page");
    expect(context.get(sessionContext)).toMatchObject({ user: null, userUnavailable: true });
  });
  it("keeps the refreshed cookies when GET /v1/me fails right after a refresh (the old refresh token is spent)", async () => {
    const api = fakeApi({ "POST /v1/auth/refresh": json(200, session), "GET /v1/me": apiError(503, "service_unavailable", "down") });
    const context = new RouterContextProvider();
    context.set(cloudflareContext, { env: { API: api }, ctx: { waitUntil: () => undefined } });
    const request = new Request(`${APP}/jobs`, { headers: { Cookie: "__Host-ol_refresh=ort_me_down; __Host-ol_csrf=c" } });
    const response = (await sessionMiddleware({ request, context } as never, () => Promise.resolve(new Response("down", { status: 503 })))) as Response;
    expect(response.status).toBe(503);
    expect(response.headers.getSetCookie().find((cookie) => cookie.startsWith("__Host-ol_refresh="))).toContain(session.refreshToken);
  });
  it("sends signed-out visitors of the app to log in, back to where they were (data requests too)", async () => {
    const context = contextWith(fakeApi({}), { user: null, accessToken: null });
    const thrown = (await caught(requireUserMiddleware({ request: new Request(`${APP}/jobs/new.data?upload=upl_1`), context } as never, async () => new Response()))) as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe(`/login?next=${encodeURIComponent("/jobs/new?upload=upl_1")}`);
  });
  it("hides the admin console from everyone else with a 404", async () => {
    const thrown = await caught(requireAdminMiddleware({ request: new Request(`${APP}/admin`), context: contextWith(fakeApi({})) } as never, async () => new Response()));
    expect(statusOf(thrown)).toBe(404);
  });
});

describe("log in, sign up, log out", () => {
  it("logs in through the API and holds the tokens in cookies, then follows a same-site `next`", async () => {
    const api = fakeApi({ "POST /v1/auth/login": json(200, session) });
    const response = (await call(login.action, formRequest(`${APP}/login`, { email: "Ann@Acme.test", password: "pw", next: "/jobs/job_1" }), contextWith(api, { user: null, accessToken: null }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/jobs/job_1");
    const cookies = response.headers.getSetCookie();
    expect(cookies[0]).toContain(`__Host-ol_access=${session.accessToken}`);
    expect(cookies[1]).toContain("__Host-ol_refresh=ort_2");
    expect(cookies[2]).toMatch(/^__Host-ol_csrf=[0-9a-f]{48}; /);
    expect(api.calls[0]!.headers.get("Authorization")).toBeNull();
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ email: "Ann@Acme.test", password: "pw" });
  });
  it("never follows `next` to another site", async () => {
    for (const next of ["//evil.example/x", "https://evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example"]) {
      const api = fakeApi({ "POST /v1/auth/login": json(200, session) });
      const response = (await call(login.action, formRequest(`${APP}/login`, { email: "a@b.co", password: "pw", next }), contextWith(api))) as Response;
      expect(response.headers.get("Location")).toBe("/jobs");
    }
  });
  it("follows `next` within the site, with its query", async () => {
    const api = fakeApi({ "POST /v1/auth/login": json(200, session) });
    const response = (await call(login.action, formRequest(`${APP}/login`, { email: "a@b.co", password: "pw", next: "/jobs/job_1?tab=rows" }), contextWith(api))) as Response;
    expect(response.headers.get("Location")).toBe("/jobs/job_1?tab=rows");
  });
  it("shows a wrong password as the API's message, keeping the email", async () => {
    const api = fakeApi({ "POST /v1/auth/login": apiError(401, "invalid_credentials", "Wrong email or password.") });
    const result = await call(login.action, formRequest(`${APP}/login`, { email: "a@b.co", password: "nope" }), contextWith(api));
    expect(statusOf(result)).toBe(401);
    expect(dataOf(result)).toMatchObject({ error: { code: "invalid_credentials", message: "Wrong email or password." }, fieldErrors: {}, values: { email: "a@b.co" } });
  });
  it("ties the API's validation issues to their fields on sign-up", async () => {
    const api = fakeApi({
      "POST /v1/auth/signup": apiError(400, "invalid_request", "Invalid request", { issues: [{ path: "password", code: "too_small", message: "Passwords need at least 10 characters." }] }),
    });
    const result = await call(signup.action, formRequest(`${APP}/signup`, { email: "a@b.co", password: "short", name: "Ann" }), contextWith(api));
    expect(dataOf(result)).toMatchObject({ fieldErrors: { password: "Passwords need at least 10 characters." }, values: { email: "a@b.co", name: "Ann" } });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ email: "a@b.co", password: "short", name: "Ann" });
  });
  it("signs up into the new-job wizard", async () => {
    const api = fakeApi({ "POST /v1/auth/signup": json(201, session) });
    const response = (await call(signup.action, formRequest(`${APP}/signup`, { email: "a@b.co", password: "long enough pw" }), contextWith(api))) as Response;
    expect(response.headers.get("Location")).toBe("/jobs/new");
  });
  it("logs out: revokes the refresh token at the API and clears the cookies", async () => {
    const api = fakeApi({ "POST /v1/auth/logout": () => new Response(null, { status: 204 }) });
    const request = new Request(`${APP}/logout`, { method: "POST", headers: { Cookie: "__Host-ol_refresh=ort_9; __Host-ol_access=a" } });
    const response = (await call(logout.action, request, contextWith(api))) as Response;
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ refreshToken: "ort_9" });
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.getSetCookie()).toEqual(clearSessionCookies());
    expect(((await call(logout.loader, new Request(`${APP}/logout`), contextWith(api))) as Response).headers.get("Location")).toBe("/");
  });
});

describe("the new-job wizard", () => {
  it("loads the upload, the saved profiles and the balance", async () => {
    const api = fakeApi({
      "GET /v1/uploads/upl_1": json(200, upload),
      "GET /v1/mapping-profiles": json(200, { data: [{ id: "prf_1", name: "Apollo", mapping: { company: "Company" } }], nextCursor: null }),
      "GET /v1/billing/plans": json(200, { currency: "usd", plans: [], packs: [] }),
    });
    const result = await call(newJob.loader, new Request(`${APP}/jobs/new?upload=upl_1`), contextWith(api));
    expect(result).toMatchObject({ upload: { id: "upl_1" }, profiles: [{ name: "Apollo" }], balance: 500, catalogue: { currency: "usd" } });
    expect(api.calls.every((c) => c.headers.get("Authorization")?.startsWith("Bearer "))).toBe(true);
  });
  it("still works without profiles or plans, and answers 404 for someone else's upload", async () => {
    const api = fakeApi({ "GET /v1/uploads/upl_1": json(200, upload) });
    expect(await call(newJob.loader, new Request(`${APP}/jobs/new?upload=upl_1`), contextWith(api))).toMatchObject({ profiles: [], catalogue: null });
    const thrown = await caught(call(newJob.loader, new Request(`${APP}/jobs/new?upload=upl_other`), contextWith(api)));
    expect(statusOf(thrown)).toBe(404);
  });
  it("writes a free five-row preview", async () => {
    const results = [{ row: 1, input: { Company: "Acme" }, line: "Hi Acme", status: "succeeded" }];
    const api = fakeApi({ "POST /v1/jobs": json(200, { ...aJob, mode: "preview", results }) });
    const spec = { uploadId: "upl_1", mapping: { company: "Company" }, extraColumns: [], context: { service: "boats", tone: "friendly", language: "en", maxWords: 25 } };
    const result = await call(newJob.action, formRequest(`${APP}/jobs/new?upload=upl_1`, { intent: "preview", job: JSON.stringify(spec) }), contextWith(api));
    expect(result).toEqual({ intent: "preview", ok: true, results, model: null });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ ...spec, mode: "preview", previewRows: 5 });
    expect(api.calls[0]!.headers.get("Idempotency-Key")).toBeNull();
  });
  it("starts the full run with the form's Idempotency-Key and goes to the job page", async () => {
    const api = fakeApi({ "POST /v1/jobs": json(202, { ...aJob, status: "queued" }) });
    const response = (await call(newJob.action, formRequest(`${APP}/jobs/new`, { intent: "run", job: '{"uploadId":"upl_1"}', idempotencyKey: "k-1" }), contextWith(api))) as Response;
    expect(response.headers.get("Location")).toBe("/jobs/job_1");
    expect(api.calls[0]!.headers.get("Idempotency-Key")).toBe("k-1");
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ uploadId: "upl_1", mode: "full" });
  });
  it("hands a 402 back with what is missing, for the inline purchase", async () => {
    const api = fakeApi({ "POST /v1/jobs": apiError(402, "insufficient_credits", "Not enough credits.", { rowCount: 600, balance: 500, missing: 100 }) });
    const result = await call(newJob.action, formRequest(`${APP}/jobs/new`, { intent: "run", job: '{"uploadId":"upl_1"}' }), contextWith(api));
    expect(statusOf(result)).toBe(402);
    expect(dataOf(result)).toEqual({ intent: "run", ok: false, error: { code: "insufficient_credits", message: "Not enough credits.", details: { rowCount: 600, balance: 500, missing: 100 } } });
  });
  it("saves a mapping profile", async () => {
    const api = fakeApi({ "POST /v1/mapping-profiles": json(201, { id: "prf_2", name: "HubSpot", mapping: { company: "Company" } }) });
    const result = await call(newJob.action, formRequest(`${APP}/jobs/new`, { intent: "save-profile", name: "HubSpot", mapping: '{"company":"Company"}' }), contextWith(api));
    expect(result).toMatchObject({ intent: "save-profile", ok: true, profile: { id: "prf_2" } });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ name: "HubSpot", mapping: { company: "Company" } });
  });
  it("refuses a form it cannot read without calling the API", async () => {
    const api = fakeApi({});
    const result = await call(newJob.action, formRequest(`${APP}/jobs/new`, { intent: "run", job: "{not json" }), contextWith(api));
    expect(statusOf(result)).toBe(400);
    expect(api.calls).toHaveLength(0);
  });
  it("sends an expired session to log in instead of showing an error", async () => {
    const api = fakeApi({ "POST /v1/jobs": apiError(401, "unauthorized", "expired") });
    const result = (await call(newJob.action, formRequest(`${APP}/jobs/new?upload=upl_1`, { intent: "preview", job: "{}" }), contextWith(api))) as Response;
    expect(result.headers.get("Location")).toBe(`/login?next=${encodeURIComponent("/jobs/new?upload=upl_1")}`);
  });
});

describe("the job page", () => {
  it("loads the job, a page of rows and the file name", async () => {
    const rows = [{ row: 26, input: {}, line: "Hi", status: "succeeded" }];
    const api = fakeApi({
      "GET /v1/jobs/job_1": json(200, aJob),
      "GET /v1/jobs/job_1/rows?offset=25&limit=25": json(200, { data: rows, total: 26, offset: 25, limit: 25, nextOffset: null }),
      "GET /v1/uploads/upl_1": json(200, upload),
    });
    const result = await call(job.loader, new Request(`${APP}/jobs/job_1?offset=25`), contextWith(api), { jobId: "job_1" });
    expect(result).toMatchObject({ job: { id: "job_1" }, rows: { rows, hasMore: false, total: 26 }, offset: 25, upload: { filename: "leads.csv" } });
  });
  it("shows the job even when its rows cannot be read", async () => {
    const api = fakeApi({ "GET /v1/jobs/job_1": json(200, aJob) });
    expect(await call(job.loader, new Request(`${APP}/jobs/job_1`), contextWith(api), { jobId: "job_1" })).toMatchObject({ rows: null, upload: null });
  });
  it("answers 404 for a job that is not the user's", async () => {
    expect(statusOf(await caught(call(job.loader, new Request(`${APP}/jobs/job_x`), contextWith(fakeApi({})), { jobId: "job_x" })))).toBe(404);
  });
  it("pauses, resumes, cancels and retries through the API, and refuses anything else", async () => {
    for (const intent of ["pause", "resume", "cancel", "retry-failed"]) {
      const api = fakeApi({ [`POST /v1/jobs/job_1/${intent}`]: json(200, aJob) });
      expect(await call(job.action, formRequest(`${APP}/jobs/job_1`, { intent }), contextWith(api), { jobId: "job_1" })).toEqual({ ok: true, intent });
    }
    const api = fakeApi({});
    expect(statusOf(await call(job.action, formRequest(`${APP}/jobs/job_1`, { intent: "delete" }), contextWith(api), { jobId: "job_1" }))).toBe(400);
    expect(api.calls).toHaveLength(0);
  });
  it("passes the row filter and search on to the API, and ignores an unknown filter", async () => {
    const api = fakeApi({
      "GET /v1/jobs/job_1": json(200, aJob),
      "GET /v1/jobs/job_1/rows?offset=0&limit=25&status=approved&q=acme": json(200, { data: [], total: 26, offset: 0, limit: 25, nextOffset: 60 }),
    });
    const result = await call(job.loader, new Request(`${APP}/jobs/job_1?status=approved&q=acme`), contextWith(api), { jobId: "job_1" });
    expect(result).toMatchObject({ rows: { rows: [], hasMore: true, nextOffset: 60 } });
    await call(job.loader, new Request(`${APP}/jobs/job_1?status=everything`), contextWith(api), { jobId: "job_1" });
    expect(api.calls.at(-2)!.path).toBe("/v1/jobs/job_1/rows?offset=0&limit=25");
  });
  it("reviews, edits and regenerates a row through the API; a failed regeneration says nothing was charged", async () => {
    const api = fakeApi({
      "PATCH /v1/jobs/job_1/rows/3": json(200, { row: 3 }),
      "POST /v1/jobs/job_1/rows/3/regenerate": json(200, { row: 3, regeneration: { status: "failed", reason: "too_long", charged: 0 } }),
    });
    const post = (fields: Record<string, string>) => call(job.action, formRequest(`${APP}/jobs/job_1`, fields), contextWith(api), { jobId: "job_1" });
    expect(await post({ intent: "row-review", row: "3", review: "approved" })).toEqual({ ok: true, intent: "row-review" });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ review: "approved" });
    await post({ intent: "row-review", row: "3", review: "" });
    expect(JSON.parse(api.calls[1]!.body)).toEqual({ review: null });
    expect(await post({ intent: "row-edit", row: "3", line: "My line" })).toEqual({ ok: true, intent: "row-edit" });
    expect(JSON.parse(api.calls[2]!.body)).toEqual({ line: "My line" });
    const failed = dataOf<{ ok: boolean; error: { message: string } }>(await post({ intent: "row-regenerate", row: "3" }));
    expect(failed.ok).toBe(false);
    expect(failed.error.message).toContain("nothing was charged");
    expect(statusOf(await post({ intent: "row-edit", row: "x", line: "y" }))).toBe(400);
    expect(api.calls).toHaveLength(4);
  });
  it("shows the API's answer when a control is not allowed now", async () => {
    const api = fakeApi({ "POST /v1/jobs/job_1/pause": apiError(409, "conflict", "The job already finished.") });
    const result = await call(job.action, formRequest(`${APP}/jobs/job_1`, { intent: "pause" }), contextWith(api), { jobId: "job_1" });
    expect(statusOf(result)).toBe(409);
    expect(dataOf(result)).toMatchObject({ ok: false, error: { message: "The job already finished." } });
  });
  it("streams the output file through with its headers", async () => {
    const csv = "\uFEFFCompany,personalized_line,line_status\r\nAcme,Hi,ok\r\n";
    const api = fakeApi({
      "GET /v1/jobs/job_1/output?format=csv": () =>
        new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="leads-openline.csv"', "X-Internal": "no" } }),
    });
    const response = (await call(jobDownload.loader, new Request(`${APP}/jobs/job_1/download?format=csv`), contextWith(api), { jobId: "job_1" })) as Response;
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="leads-openline.csv"');
    expect(response.headers.get("X-Internal")).toBeNull();
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new TextEncoder().encode(csv));
  });
  it("explains a download that cannot be produced", async () => {
    const api = fakeApi({ "GET /v1/jobs/job_1/output?format=xlsx": apiError(409, "conflict", "The job is still running.") });
    const thrown = await caught(call(jobDownload.loader, new Request(`${APP}/jobs/job_1/download?format=xlsx`), contextWith(api), { jobId: "job_1" }));
    expect(statusOf(thrown)).toBe(409);
    expect(dataOf(thrown)).toMatchObject({ message: "The job is still running." });
  });
});

describe("account", () => {
  it("opens Stripe Checkout for packs and plans", async () => {
    const api = fakeApi({ "POST /v1/billing/checkout": json(201, { url: "https://checkout.stripe.test/c/123" }) });
    const pack = (await call(billing.action, formRequest(`${APP}/account/billing`, { intent: "checkout-pack", pack: "credits", quantity: "3" }), contextWith(api))) as Response;
    expect(pack.headers.get("Location")).toBe("https://checkout.stripe.test/c/123");
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ pack: "credits", quantity: 3 });
    await call(billing.action, formRequest(`${APP}/account/billing`, { intent: "checkout-plan", plan: "growth" }), contextWith(api));
    expect(JSON.parse(api.calls[1]!.body)).toEqual({ plan: "growth" });
  });
  it("passes quantities as typed, so the API refuses what is not a whole number instead of a silent rounding", async () => {
    const api = fakeApi({ "POST /v1/billing/checkout": apiError(400, "invalid_request", "quantity must be an integer") });
    const result = await call(billing.action, formRequest(`${APP}/account/billing`, { intent: "checkout-pack", pack: "credits", quantity: "2.5" }), contextWith(api));
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ pack: "credits", quantity: 2.5 });
    expect(statusOf(result)).toBe(400);
    const admins = fakeApi({ "POST /v1/admin/users/usr_7/credits": apiError(400, "invalid_request", "delta must be an integer") });
    const grant = await call(admin.action, formRequest(`${APP}/admin`, { userId: "usr_7", delta: "1e3.5", reason: "x" }), contextWith(admins, { user: { ...ME, role: "admin" } }));
    expect(JSON.parse(admins.calls[0]!.body).delta).toBeNull();
    expect(statusOf(grant)).toBe(400);
  });
  it("says plainly when payments are not configured", async () => {
    const api = fakeApi({ "POST /v1/billing/portal": apiError(503, "service_unavailable", "STRIPE_SECRET_KEY missing") });
    const result = await call(billing.action, formRequest(`${APP}/account/billing`, { intent: "portal" }), contextWith(api));
    expect(statusOf(result)).toBe(503);
    expect(dataOf<billing.BillingActionData>(result).error.message).toMatch(/not set up/);
  });
  it("creates an API key once (with the form's Idempotency-Key) and revokes keys", async () => {
    const created = { id: "key_1", name: "CRM", prefix: "olk_abc", key: "olk_secret", scopes: ["jobs:read"], lastUsedAt: null, createdAt: "x" };
    const api = fakeApi({ "POST /v1/api-keys": json(201, created), "DELETE /v1/api-keys/key_1": () => new Response(null, { status: 204 }) });
    const result = await call(apiKeys.action, formRequest(`${APP}/account/api-keys`, { intent: "create", name: "CRM", scopes: ["jobs:read", "uploads:read"], idempotencyKey: "k" }), contextWith(api));
    expect(result).toEqual({ intent: "create", ok: true, key: created });
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ name: "CRM", scopes: ["jobs:read", "uploads:read"] });
    expect(api.calls[0]!.headers.get("Idempotency-Key")).toBe("k");
    expect(await call(apiKeys.action, formRequest(`${APP}/account/api-keys`, { intent: "revoke", id: "key_1" }), contextWith(api))).toEqual({ intent: "revoke", ok: true });
    expect(api.calls[1]!.method).toBe("DELETE");
  });
  it("never creates a key with no scope chosen (the API would grant every scope)", async () => {
    const api = fakeApi({});
    const result = await call(apiKeys.action, formRequest(`${APP}/account/api-keys`, { intent: "create", name: "CRM", idempotencyKey: "k" }), contextWith(api));
    expect(statusOf(result)).toBe(400);
    expect(api.calls).toHaveLength(0);
    expect(apiKeys.DEFAULT_KEY_SCOPES).toEqual(["jobs:read"]);
  });
  it("deletes the account only with the typed confirmation, then clears the session", async () => {
    const api = fakeApi({ "DELETE /v1/account": () => new Response(null, { status: 204 }) });
    const unconfirmed = await call(accountSettings.action, formRequest(`${APP}/account/settings`, { intent: "delete-account", password: "pw", confirm: "yes" }), contextWith(api));
    expect(statusOf(unconfirmed)).toBe(400);
    expect(api.calls).toHaveLength(0);
    const response = (await call(accountSettings.action, formRequest(`${APP}/account/settings`, { intent: "delete-account", password: "pw", confirm: "delete" }), contextWith(api))) as Response;
    expect(JSON.parse(api.calls[0]!.body)).toEqual({ password: "pw" });
    expect(response.headers.get("Location")).toBe("/?account=deleted");
    expect(response.headers.getSetCookie()).toEqual(clearSessionCookies());
  });
  it("keeps the user on the page when the password is wrong", async () => {
    const api = fakeApi({ "DELETE /v1/account": apiError(401, "invalid_credentials", "Wrong password.") });
    const result = await call(accountSettings.action, formRequest(`${APP}/account/settings`, { intent: "delete-account", password: "x", confirm: "delete" }), contextWith(api));
    expect(statusOf(result)).toBe(401);
    expect(dataOf(result)).toMatchObject({ ok: false, error: { message: "Wrong password." } });
  });
});

describe("admin console", () => {
  it("passes the filters to the API and grants credits with a reason", async () => {
    const api = fakeApi({
      "GET /v1/admin/users?limit=25&email=acme": json(200, { data: [], nextCursor: null }),
      "GET /v1/admin/jobs?limit=25&status=failed&userId=usr_7": json(200, { data: [aJob], nextCursor: null }),
      "POST /v1/admin/users/usr_7/credits": json(201, { balance: 1500, held: 0, entry: {} }),
    });
    const context = contextWith(api, { user: { ...ME, role: "admin" } });
    const result = await call(admin.loader, new Request(`${APP}/admin?email=acme&status=failed&userId=usr_7`), context);
    expect(result).toMatchObject({ users: { data: [] }, jobs: { data: [{ id: "job_1" }] } });
    const grant = await call(admin.action, formRequest(`${APP}/admin`, { userId: "usr_7", delta: "1000", reason: "Concierge onboarding", idempotencyKey: "g-1" }), context);
    expect(grant).toEqual({ ok: true, userId: "usr_7", balance: 1500 });
    expect(JSON.parse(api.calls[2]!.body)).toEqual({ delta: 1000, reason: "Concierge onboarding" });
    expect(api.calls[2]!.headers.get("Idempotency-Key")).toBe("g-1");
  });
  it("still lists users when jobs across users cannot be read", async () => {
    const api = fakeApi({ "GET /v1/admin/users": json(200, { data: [], nextCursor: null }), "GET /v1/admin/jobs": apiError(503, "service_unavailable", "down") });
    expect(await call(admin.loader, new Request(`${APP}/admin`), contextWith(api, { user: { ...ME, role: "admin" } }))).toMatchObject({ jobs: null, jobsRefused: null });
  });
  it("says why a jobs filter was refused instead of calling it an outage", async () => {
    const api = fakeApi({
      "GET /v1/admin/users": json(200, { data: [], nextCursor: null }),
      "GET /v1/admin/jobs": apiError(400, "invalid_request", "cursor: not a cursor of this list"),
    });
    const result = await call(admin.loader, new Request(`${APP}/admin?jobsCursor=garbled`), contextWith(api, { user: { ...ME, role: "admin" } }));
    expect(result).toMatchObject({ jobs: null, jobsRefused: "cursor: not a cursor of this list" });
  });
});

describe("the wizard's revalidation", () => {
  const at = (search: string) => new URL(`${APP}/jobs/new${search}`);
  const args = (over: Record<string, unknown>) =>
    ({ currentUrl: at("?upload=upl_1&step=4"), nextUrl: at("?upload=upl_1&step=4"), formMethod: "POST", defaultShouldRevalidate: true, ...over }) as never;
  it("reloads nothing after a preview (free, changes nothing shown), but does after other actions", () => {
    expect(newJob.shouldRevalidate(args({ actionResult: { intent: "preview", ok: true, results: [] } }))).toBe(false);
    expect(newJob.shouldRevalidate(args({ actionResult: { intent: "save-profile", ok: true, profile: {} } }))).toBe(true);
    expect(newJob.shouldRevalidate(args({ formMethod: undefined, nextUrl: at("?upload=upl_1&step=5") }))).toBe(false);
  });
});

describe("every form action", () => {
  const actions = { login, signup, newJob, accountSettings, apiKeys, billing, job, admin };
  for (const [name, route] of Object.entries(actions)) {
    it(`${name}: a body that is not a form is a 400 with the error shape, and reaches no API`, async () => {
      const api = fakeApi({});
      const request = new Request(`${APP}/somewhere`, { method: "POST", body: '{"intent":"run"}', headers: { "Content-Type": "application/json", Origin: APP } });
      const thrown = await caught(() => call(route.action as (args: never) => unknown, request, contextWith(api), { jobId: "job_1" }));
      expect(statusOf(thrown)).toBe(400);
      expect(dataOf<{ error: { code: string } }>(thrown).error.code).toBe("invalid_request");
      expect(api.calls).toHaveLength(0);
    });
  }
});
