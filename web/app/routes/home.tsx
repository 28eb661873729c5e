import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/home";
import { Notice, TableWrap } from "../components/Notice";
import { PricingTable } from "../components/PricingTable";
import { loadOptional } from "../lib/api.server";
import { sessionContext } from "../lib/context.server";
import type { BillingCatalogue } from "../lib/types";

export const meta: Route.MetaFunction = () => [
  { title: "Openline · A personal opening line for every prospect" },
  { name: "description", content: "Upload a prospect list, get it back with a personalized opening line per row, written from that row's facts." },
];

export async function loader(args: Route.LoaderArgs) {
  const catalogue = await loadOptional(args, (api) => api.GET("/v1/billing/plans"));
  return { catalogue, signedIn: args.context.get(sessionContext).user !== null };
}

const SAMPLE = [
  {
    first: "Ana",
    company: "Lumen Dental",
    title: "Practice Manager",
    notes: "Opened a third clinic in Porto",
    line: "Ana, congratulations on opening Lumen Dental's third clinic in Porto. Three front desks means three recall lists to keep full.",
  },
  {
    first: "Jonas",
    company: "Kessler Logistik",
    title: "Head of Operations",
    notes: "Hiring 12 dispatchers",
    line: "Jonas, twelve open dispatcher roles at Kessler Logistik says the routes are growing faster than the team.",
  },
  {
    first: "Priya",
    company: "Northwind Labs",
    title: "VP Sales",
    notes: "",
    line: "Priya, as VP Sales at Northwind Labs you'll know how much reply rates depend on the first sentence.",
  },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { catalogue, signedIn } = loaderData;
  const start = signedIn ? "/jobs/new" : "/signup";
  const [params] = useSearchParams();
  return (
    <div className="landing">
      {params.get("account") === "deleted" ? <Notice tone="success">Your account and everything in it has been deleted.</Notice> : null}
      <section className="hero">
        <h1>A personal opening line for every prospect on your list.</h1>
        <p className="lede">
          Upload the CSV or Excel export from HubSpot, Apollo or LinkedIn. Openline gives the same list back with one opening
          line per prospect, written from that row's facts and what you sell — never from invented ones.
        </p>
        <p className="hero-actions">
          <Link to={start} className="button large">
            {signedIn ? "Start a new job" : "Try it free — 500 lines on us"}
          </Link>
          <a href="#pricing" className="button secondary large">
            See pricing
          </a>
        </p>
      </section>

      <section aria-labelledby="how" className="section">
        <h2 id="how">How it works</h2>
        <ol className="how">
          <li>
            <strong>Upload</strong> your list as it is: semicolons, Excel's BOM, Windows encodings and title rows are handled.
          </li>
          <li>
            <strong>Map</strong> the columns (we guess them for you) and say what you sell.
          </li>
          <li>
            <strong>Preview</strong> five lines for free and adjust the tone until they sound like you.
          </li>
          <li>
            <strong>Run</strong> the whole list with live progress, a cost shown up front and a Stop button that works.
          </li>
          <li>
            <strong>Download</strong> CSV or XLSX that opens cleanly in Excel, or get a webhook.
          </li>
        </ol>
      </section>

      <section aria-labelledby="sample" className="section">
        <h2 id="sample">What you get back</h2>
        <p className="muted">Your columns, untouched, plus one new column. A row without facts gets a general line, not a made-up one.</p>
        <TableWrap label="Sample input and output">
          <table className="table sample-output">
            <thead>
              <tr>
                <th scope="col">First Name</th>
                <th scope="col">Company</th>
                <th scope="col">Title</th>
                <th scope="col">Notes</th>
                <th scope="col" className="new-column">
                  personalized_line
                </th>
              </tr>
            </thead>
            <tbody>
              {SAMPLE.map((row) => (
                <tr key={row.first}>
                  <td>{row.first}</td>
                  <td>{row.company}</td>
                  <td>{row.title}</td>
                  <td>{row.notes || <span className="muted">empty</span>}</td>
                  <td className="new-column">{row.line}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="pricing" className="section" id="pricing-section">
        <h2 id="pricing">Pricing</h2>
        <p className="muted">One credit per generated line. You see the cost before every run, and rows that fail are never charged.</p>
        <PricingTable
          catalogue={catalogue}
          action={(plan) =>
            signedIn ? (
              <Link to="/account/billing" className="button secondary small">
                {plan.id === "free" ? "Your account" : `Choose ${plan.name}`}
              </Link>
            ) : (
              <Link to="/signup" className={`button small${plan.id === "free" ? "" : " secondary"}`}>
                {plan.id === "free" ? "Start free" : `Start with ${plan.name}`}
              </Link>
            )
          }
        />
      </section>
    </div>
  );
}
