import { isRouteErrorResponse, Link, Outlet } from "react-router";
import type { Route } from "./+types/app-layout";
import { requireUserMiddleware } from "../lib/middleware.server";

/** Everything under this layout needs a signed-in user. */
export const middleware: Route.MiddlewareFunction[] = [requireUserMiddleware];

export default function AppLayout() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const apiMessage = isRouteErrorResponse(error) ? (error.data as { message?: string } | undefined)?.message : undefined;
  const title = status === 404 ? "Not found" : status === 403 ? "Not allowed" : status >= 500 ? "Something went wrong" : "That didn't work";
  const message =
    status === 404
      ? "This doesn't exist, or it belongs to another account."
      : (apiMessage ?? "An unexpected error happened on our side. It has been logged; please try again.");
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      <p className="actions">
        <Link to="/jobs" className="button secondary">
          Your jobs
        </Link>
        <Link to="/jobs/new" className="button">
          Start a new job
        </Link>
      </p>
    </section>
  );
}
