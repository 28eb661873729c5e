import { useEffect, useRef } from "react";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { cspNonceContext, sessionContext } from "./lib/context.server";
import { formatNumber } from "./lib/format";
import { sessionMiddleware } from "./lib/middleware.server";
import type { Me } from "./lib/types";
import stylesheet from "./styles.css?url";

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function loader({ context }: Route.LoaderArgs) {
  return { user: context.get(sessionContext).user, nonce: context.get(cspNonceContext) };
}

export function useUser(): Me | null {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  // The CSP nonce of this response (web/app/lib/security.server.ts), for React Router's inline scripts.
  const nonce = useRouteLoaderData<typeof loader>("root")?.nonce || undefined;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader({ user }: { user: Me | null }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={user ? "/jobs" : "/"} className="brand">
          <span className="brand-mark" aria-hidden="true">
            ❝
          </span>
          Openline
        </Link>
        <nav aria-label="Main" className="main-nav">
          {user ? (
            <>
              <NavLink to="/jobs/new">New job</NavLink>
              <NavLink to="/jobs" end>
                Jobs
              </NavLink>
              <NavLink to="/account">Account</NavLink>
              {user.role === "admin" ? <NavLink to="/admin">Admin</NavLink> : null}
              <Link to="/account" className="credits-pill" aria-label={`${formatNumber(user.credits.balance)} credits available`}>
                {formatNumber(user.credits.balance)} credits
              </Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button-link">
                  Log out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">Log in</NavLink>
              <Link to="/signup" className="button small">
                Sign up free
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

/** Until the address is confirmed, every page says why full runs wait and how to get a new link. */
function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <div className="verify-banner" role="status">
      <p>
        <strong>Confirm your email address.</strong> Full runs and your 500 free credits wait until you open the link we sent to {email}; previews work
        already.{" "}
        <Link to="/verify-email">Send a new link</Link>
      </p>
    </div>
  );
}

/** After a client-side navigation, focus moves to the new page's heading so screen readers announce it. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("#main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }, [location.pathname]);
}

export default function App({ loaderData }: Route.ComponentProps) {
  const navigation = useNavigation();
  useFocusOnNavigate();
  // Marks the page interactive (the browser tests wait for it before typing).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const busy = navigation.state === "loading";
  const { pathname } = useLocation();
  const unverified = loaderData.user && !loaderData.user.emailVerified && pathname !== "/verify-email";
  return (
    <>
      <div className={`route-progress${busy ? " is-active" : ""}`} aria-hidden="true" />
      <SiteHeader user={loaderData.user} />
      <main id="main" className="main" aria-busy={busy || undefined}>
        {unverified ? <VerifyEmailBanner email={loaderData.user!.email} /> : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Openline writes one opening line per prospect from the facts in your list. <Link to="/docs" reloadDocument>API reference</Link>
        </p>
      </footer>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = "Something went wrong";
  let message = "An unexpected error happened on our side. It has been logged; please try again.";
  if (isRouteErrorResponse(error)) {
    const body = error.data as { message?: string } | undefined;
    if (error.status === 404) {
      title = "Page not found";
      message = body?.message && body.message !== "Page not found." ? body.message : "There is nothing at this address.";
    } else {
      title = error.status === 503 ? "Openline is unavailable" : `Error ${error.status}`;
      message = body?.message ?? error.statusText ?? message;
    }
  }
  const user = useUser();
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" className="main">
        <section className="page narrow">
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <Link to="/" className="button secondary">
              Go to the start page
            </Link>
          </p>
        </section>
      </main>
    </>
  );
}
