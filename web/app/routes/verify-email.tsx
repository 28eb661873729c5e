import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/verify-email";
import { Notice } from "../components/Notice";
import { field } from "../lib/api.server";
import { formError, submitToApi } from "../lib/account-forms.server";
import { readForm } from "../lib/form.server";
import { useUser } from "../root";

export const meta: Route.MetaFunction = () => [{ title: "Confirm your email · Openline" }];

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

/**
 * The verification email's link lands here; the address is confirmed by the button (a POST), not by
 * opening the page, so a mail scanner that prefetches links does not use the token up.
 */
export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  if (intent === "verify") return submitToApi(args, intent, "/v1/auth/verify-email", { json: { token: field(form, "token") }, auth: false });
  if (intent === "resend") return submitToApi(args, intent, "/v1/auth/resend-verification", {});
  return formError(intent, "Unknown action.");
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const user = useUser();
  const busy = useNavigation().state !== "idle";
  const verified = actionData?.intent === "verify" && actionData.ok;
  const resent = actionData?.intent === "resend" && actionData.ok;
  const error = actionData && !actionData.ok ? actionData.error : null;
  return (
    <section className="page narrow auth">
      <h1>Confirm your email</h1>
      {verified ? (
        <Notice tone="success" title="Your address is confirmed">
          <p>Full runs are unlocked, and your 500 free credits are on your account (once per account).</p>
          <p>
            <Link to={user ? "/jobs/new" : "/login"} className="button">
              {user ? "Start a job" : "Log in"}
            </Link>
          </p>
        </Notice>
      ) : loaderData.token ? (
        <Form method="post" className="form">
          <p>Confirm this address to unlock full runs and your 500 free credits.</p>
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="token" value={loaderData.token} />
          <button type="submit" className="button large" disabled={busy}>
            {busy ? "Confirming…" : "Confirm my address"}
          </button>
        </Form>
      ) : (
        <p>We sent a link to {user?.email ?? "your address"}. Open it to confirm the address; it works once, for 24 hours.</p>
      )}
      {error ? (
        <Notice tone="error" title={error.code === "rate_limited" ? "Too many attempts" : "That did not work"}>
          <p>{error.message}</p>
        </Notice>
      ) : null}
      {resent ? <Notice tone="success">A new link is on its way to {user?.email}.</Notice> : null}
      {user && !user.emailVerified && !verified ? (
        <Form method="post" className="resend-form">
          <input type="hidden" name="intent" value="resend" />
          <button type="submit" className="button secondary" disabled={busy}>
            Send me a new link
          </button>
        </Form>
      ) : null}
    </section>
  );
}
