import { Link } from "react-router";
import { LocalTime } from "../components/LocalTime";
import { groupLedger } from "../lib/ledger";
import type { Route } from "./+types/account";
import { EmptyState, TableWrap } from "../components/Notice";
import { UsageChart } from "../components/UsageChart";
import { loadFromApi, type ServerArgs } from "../lib/api.server";
import { sessionContext } from "../lib/context.server";
import { formatNumber } from "../lib/format";
import type { Credits, LedgerEntry } from "../lib/types";

export const meta: Route.MetaFunction = () => [{ title: "Credits · Openline" }];

const CHART_DAYS = 30;
const CHART_PAGES = 5;

/** Ledger entries of the last `days` days (newest first), a few pages at most. */
async function recentEntries(args: ServerArgs, days: number): Promise<LedgerEntry[]> {
  const since = Date.now() - days * 24 * 60 * 60 * 1000;
  const entries: LedgerEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < CHART_PAGES; page++) {
    const credits: Credits = await loadFromApi(args, (api) => api.GET("/v1/credits", { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
    entries.push(...credits.ledger.data);
    cursor = credits.ledger.nextCursor;
    const oldest = credits.ledger.data[credits.ledger.data.length - 1];
    if (!cursor || !oldest || Date.parse(oldest.createdAt) < since) break;
  }
  return entries;
}

export async function loader(args: Route.LoaderArgs) {
  const cursor = new URL(args.request.url).searchParams.get("cursor");
  const [credits, chartEntries] = await Promise.all([
    loadFromApi(args, (api) => api.GET("/v1/credits", { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })),
    recentEntries(args, CHART_DAYS),
  ]);
  return { credits, chartEntries, plan: args.context.get(sessionContext).user!.plan, now: new Date().toISOString(), paged: Boolean(cursor) };
}

const REASONS: Record<string, string> = {
  signup: "Welcome credits",
  plan: "Plan credits",
  renewal: "Monthly renewal",
  pack: "Credit pack",
  admin: "Granted by support",
  job_charge: "Lines written",
  refund: "Refund",
};

export default function Account({ loaderData }: Route.ComponentProps) {
  const { credits, chartEntries, plan, now, paged } = loaderData;
  return (
    <section className="page">
      <h1>Credits</h1>
      <div className="balance-cards">
        <div className="balance-card">
          <p className="balance-label">Available</p>
          <p className="balance-value" data-testid="balance">
            {formatNumber(credits.balance)}
          </p>
          <p className="muted small">1 credit = 1 line written</p>
        </div>
        <div className="balance-card">
          <p className="balance-label">On hold for running jobs</p>
          <p className="balance-value">{formatNumber(credits.held)}</p>
          <p className="muted small">Released when a job ends</p>
        </div>
        <div className="balance-card">
          <p className="balance-label">Plan</p>
          <p className="balance-value plan-value">{plan[0]!.toUpperCase() + plan.slice(1)}</p>
          <p className="small">
            <Link to="/account/billing">Buy credits or change plan</Link>
          </p>
        </div>
      </div>

      <h2>Usage</h2>
      <UsageChart entries={chartEntries} days={CHART_DAYS} now={new Date(now)} />

      <h2>Ledger</h2>
      {credits.ledger.data.length === 0 ? (
        <EmptyState title={paged ? "No older entries." : "No entries yet."} />
      ) : (
        <TableWrap label="Credit ledger">
          <table className="table ledger-table cards-on-phone">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Credits
                </th>
              </tr>
            </thead>
            <tbody>
              {groupLedger(credits.ledger.data).map((entry) => (
                <tr key={entry.id}>
                  <td data-label="When"><LocalTime iso={entry.createdAt} /></td>
                  <td data-label="What">
                    {REASONS[entry.reason] ?? entry.reason}
                    {entry.jobId ? (
                      <>
                        {" "}
                        · <Link to={`/jobs/${entry.jobId}`}>{entry.filename ?? "job"}</Link>
                        {entry.count > 1 ? <span className="muted small"> ({formatNumber(entry.count)} charges)</span> : null}
                      </>
                    ) : null}
                    {entry.note ? <span className="muted"> · {entry.note}</span> : null}
                  </td>
                  <td data-label="Credits" className={`num ${entry.delta < 0 ? "negative" : "positive"}`}>
                    {entry.delta > 0 ? "+" : "−"}
                    {formatNumber(Math.abs(entry.delta))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label="Ledger pages">
        {paged ? <Link to="/account">← Newest</Link> : <span />}
        {credits.ledger.nextCursor ? <Link to={`/account?cursor=${encodeURIComponent(credits.ledger.nextCursor)}`}>Older entries →</Link> : <span />}
      </nav>
    </section>
  );
}
