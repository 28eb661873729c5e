import { useEffect, useRef } from "react";
import { data, Form, Link, useFetcher, useSearchParams } from "react-router";
import { LocalTime } from "../components/LocalTime";
import type { Route } from "./+types/admin";
import { EmptyState, Notice, TableWrap } from "../components/Notice";
import { StatusBadge } from "../components/StatusBadge";
import { callApi, field, idempotencyHeader, loadFromApi, loginRedirect } from "../lib/api.server";
import { useIdempotencyKey } from "../lib/browser";
import { formatNumber } from "../lib/format";
import { requireAdminMiddleware } from "../lib/middleware.server";
import { JOB_STATUSES, type AdminUser, type ApiErrorBody, type Job, type Page } from "../lib/types";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "Admin · Openline" }];
export const middleware: Route.MiddlewareFunction[] = [requireAdminMiddleware];

export async function loader(args: Route.LoaderArgs) {
  const params = new URL(args.request.url).searchParams;
  const users: Record<string, string | number> = { limit: 25 };
  for (const [from, to] of [["email", "email"], ["usersCursor", "cursor"]] as const) {
    const value = params.get(from);
    if (value) users[to] = value;
  }
  const jobs: Record<string, string | number> = { limit: 25 };
  for (const [from, to] of [["status", "status"], ["userId", "userId"], ["jobsCursor", "cursor"]] as const) {
    const value = params.get(from);
    if (value) jobs[to] = value;
  }
  const [userPage, jobPage] = await Promise.all([
    // Filters go as typed: the API refuses a bad one (shown below for the jobs list).
    loadFromApi(args, (api) => api.GET("/v1/admin/users", { params: { query: users as { limit: number } } })),
    callApi(args, (api) => api.GET("/v1/admin/jobs", { params: { query: jobs as { limit: number } } })),
  ]);
  if (!jobPage.ok && jobPage.status === 401) throw loginRedirect(args.request);
  // A filter the API refuses (a mistyped user id, say) is the operator's to fix, not an outage.
  const jobsRefused = !jobPage.ok && jobPage.status === 400 ? jobPage.error.message : null;
  return { users: userPage, jobs: jobPage.ok ? jobPage.data : null, jobsRefused };
}

export type GrantActionData = { ok: true; userId: string; balance: number } | { ok: false; userId: string; error: ApiErrorBody };

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const userId = field(form, "userId");
  const result = await callApi(args, (api) =>
    api.POST("/v1/admin/users/{id}/credits", {
      params: { path: { id: userId } },
      // As typed: the API refuses what is not a whole number (parseInt would make "2.5" a grant of 2).
      body: { delta: Number(field(form, "delta")), reason: field(form, "reason") },
      headers: idempotencyHeader(field(form, "idempotencyKey")),
    }),
  );
  if (result.ok) return { ok: true, userId, balance: result.data.balance } satisfies GrantActionData;
  if (result.status === 401) throw loginRedirect(args.request);
  return data<GrantActionData>({ ok: false, userId, error: result.error }, { status: result.status });
}

export default function Admin({ loaderData }: Route.ComponentProps) {
  const { users, jobs, jobsRefused } = loaderData;
  const [params] = useSearchParams();
  const keep = (overrides: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(overrides)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return `?${next}`;
  };
  return (
    <section className="page">
      <h1>Admin console</h1>

      <h2>Users</h2>
      <Form method="get" className="filters inline-form" role="search" aria-label="Find users">
        <label htmlFor="email-filter">Email contains</label>
        <input id="email-filter" name="email" type="search" defaultValue={params.get("email") ?? ""} />
        {params.get("status") ? <input type="hidden" name="status" value={params.get("status")!} /> : null}
        {params.get("userId") ? <input type="hidden" name="userId" value={params.get("userId")!} /> : null}
        <button type="submit" className="button secondary small">
          Search
        </button>
      </Form>
      {users.data.length === 0 ? (
        <EmptyState title="No users match." />
      ) : (
        <TableWrap label="Users">
          <table className="table admin-users">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Plan</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Held
                </th>
                <th scope="col">Joined</th>
                <th scope="col">Grant credits</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <td>
                    <span className="cell-main">{user.email}</span>
                    <span className="muted small">
                      {user.name ? `${user.name} · ` : ""}
                      {user.role === "admin" ? "admin · " : ""}
                      <Link to={keep({ userId: user.id, jobsCursor: null })}>jobs</Link>
                    </span>
                  </td>
                  <td>
                    {user.plan}
                    {user.planStatus !== "active" ? <span className="muted small"> ({user.planStatus.replace("_", " ")})</span> : null}
                  </td>
                  <td className="num">{formatNumber(user.credits.balance)}</td>
                  <td className="num">{formatNumber(user.credits.held)}</td>
                  <td><LocalTime iso={user.createdAt} /></td>
                  <td>
                    <GrantForm user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label="User pages">
        {params.get("usersCursor") ? <Link to={keep({ usersCursor: null })}>← First page</Link> : <span />}
        {users.nextCursor ? <Link to={keep({ usersCursor: users.nextCursor })}>More users →</Link> : <span />}
      </nav>

      <h2>Jobs across users</h2>
      <Form method="get" className="filters inline-form" aria-label="Filter jobs">
        {params.get("email") ? <input type="hidden" name="email" value={params.get("email")!} /> : null}
        <label htmlFor="status-filter">Status</label>
        <select id="status-filter" name="status" defaultValue={params.get("status") ?? ""}>
          <option value="">Any</option>
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <label htmlFor="user-filter">User id</label>
        <input id="user-filter" name="userId" defaultValue={params.get("userId") ?? ""} placeholder="usr_…" />
        <button type="submit" className="button secondary small">
          Filter
        </button>
      </Form>
      {jobsRefused !== null ? (
        <Notice tone="warning">The jobs filter was not accepted: {jobsRefused}</Notice>
      ) : jobs === null ? (
        <Notice tone="warning">Jobs across users could not be loaded (GET /v1/admin/jobs did not answer).</Notice>
      ) : jobs.data.length === 0 ? (
        <EmptyState title="No jobs match." />
      ) : (
        <TableWrap label="Jobs across users">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">User</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Done
                </th>
                <th scope="col" className="num">
                  Failed
                </th>
                <th scope="col" className="num">
                  Charged
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <tr key={job.id}>
                  <td>
                    <code className="small">{job.id}</code>
                    {job.mode === "preview" ? <span className="tag">Preview</span> : null}
                  </td>
                  <td className="small">{job.userEmail ?? job.userId ?? "—"}</td>
                  <td>
                    <StatusBadge status={job.status} />
                    {job.error ? <span className="muted small"> {job.error.message}</span> : null}
                  </td>
                  <td className="num">
                    {formatNumber(job.processed)}/{formatNumber(job.total)}
                  </td>
                  <td className="num">{formatNumber(job.failed)}</td>
                  <td className="num">{formatNumber(job.creditsCharged)}</td>
                  <td><LocalTime iso={job.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {jobs?.nextCursor ? (
        <nav className="pager" aria-label="Job pages">
          <span />
          <Link to={keep({ jobsCursor: jobs.nextCursor })}>More jobs →</Link>
        </nav>
      ) : null}
    </section>
  );
}

function GrantForm({ user }: { user: AdminUser }) {
  const fetcher = useFetcher<GrantActionData>();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) {
      renewKey();
      if (fetcher.data.ok) form.current?.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  const id = user.id;
  return (
    <fetcher.Form method="post" ref={form} className="grant-form" aria-label={`Grant credits to ${user.email}`}>
      <input type="hidden" name="userId" value={id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label htmlFor={`delta-${id}`} className="visually-hidden">
        Credits (negative to remove)
      </label>
      <input id={`delta-${id}`} name="delta" type="number" inputMode="numeric" required placeholder="+1000" />
      <label htmlFor={`reason-${id}`} className="visually-hidden">
        Reason
      </label>
      <input id={`reason-${id}`} name="reason" required minLength={3} maxLength={200} placeholder="Reason (in their ledger)" />
      <button type="submit" className="button small" disabled={fetcher.state !== "idle" || !idempotencyKey}>
        {fetcher.state !== "idle" ? "Granting…" : "Grant"}
      </button>
      <span aria-live="polite" className="small">
        {fetcher.data?.ok ? <span className="success">New balance {formatNumber(fetcher.data.balance)}</span> : null}
        {fetcher.data && !fetcher.data.ok ? <span className="field-error">{fetcher.data.error.message}</span> : null}
      </span>
    </fetcher.Form>
  );
}
