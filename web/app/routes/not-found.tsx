import { data, Link } from "react-router";
import type { Route } from "./+types/not-found";

export const meta: Route.MetaFunction = () => [{ title: "Not found · Openline" }];
export const loader = () => data(null, { status: 404 });

export default function NotFound() {
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/" className="button secondary">
          Go to the start page
        </Link>
      </p>
    </section>
  );
}
