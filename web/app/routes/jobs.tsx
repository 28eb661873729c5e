import { Link } from "react-router";
import { LocalTime } from "../components/LocalTime";
import type { Route } from "./+types/jobs";
import { EmptyState, TableWrap } from "../components/Notice";
import { StatusBadge } from "../components/StatusBadge";
import { loadFromApi, loadOptional } from "../lib/api.server";
import { formatNumber } from "../lib/format";
import { percentDone } from "../lib/progress";
import type { Job, Page, Upload } from "../lib/types";

export const meta: Route.MetaFunction = () => [{ title: "Jobs · Openline" }];

export async function loader(args: Route.LoaderArgs) {
  const cursor = new URL(args.request.url).searchParams.get("cursor");
  // Previews are free scratch runs: the list shows the real runs.
  const query = { mode: "full" as const, limit: 20, ...(cursor ? { cursor } : {}) };
  const [jobs, uploads] = await Promise.all([
    loadFromApi(args, (api) => api.GET("/v1/jobs", { params: { query } })),
    loadOptional(args, (api) => api.GET("/v1/uploads", { params: { query: { limit: 100 } } })),
  ]);
  const filenames = Object.fromEntries((uploads?.data ?? []).map((upload) => [upload.id, upload.filename]));
  return { jobs, filenames, paged: Boolean(cursor) };
}

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const { jobs, filenames, paged } = loaderData;
  return (
    <section className="page">
      <div className="page-head">
        <h1>Jobs</h1>
        <Link to="/jobs/new" className="button">
          New job
        </Link>
      </div>
      {jobs.data.length === 0 ? (
        <EmptyState title={paged ? "No older jobs." : "No jobs yet."}>
          <p>Upload a prospect list to write your first opening lines. Your 500 free credits are waiting.</p>
          <p>
            <Link to="/jobs/new" className="button">
              Start with a list
            </Link>
          </p>
        </EmptyState>
      ) : (
        <TableWrap label="Your jobs">
          <table className="table jobs-table cards-on-phone">
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col" className="num">
                  Written
                </th>
                <th scope="col" className="num">
                  Credits
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <tr key={job.id}>
                  <td data-label="List">
                    <Link to={`/jobs/${job.id}`}>{filenames[job.uploadId] ?? job.id}</Link>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={job.status} />
                  </td>
                  <td data-label="Progress">
                    <span className="mini-bar" aria-hidden="true">
                      <span style={{ width: `${percentDone(job)}%` }} />
                    </span>
                    {percentDone(job)}% of {formatNumber(job.total)}
                  </td>
                  <td data-label="Written" className="num">{formatNumber(job.succeeded)}</td>
                  <td data-label="Credits" className="num">{formatNumber(job.creditsCharged)}</td>
                  <td data-label="Created"><LocalTime iso={job.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label="Jobs pages">
        {paged ? <Link to="/jobs">← Newest</Link> : <span />}
        {jobs.nextCursor ? <Link to={`/jobs?cursor=${encodeURIComponent(jobs.nextCursor)}`}>Older jobs →</Link> : <span />}
      </nav>
    </section>
  );
}
