import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/forgot-password";
import { Notice } from "../components/Notice";
import { field } from "../lib/api.server";
import { submitToApi } from "../lib/account-forms.server";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "Forgot password · Openline" }];

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  return submitToApi(args, "reset", "/v1/auth/password-reset", { json: { email: field(form, "email") }, auth: false });
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const emailError = failed?.fieldErrors.email;
  return (
    <section className="page narrow auth">
      <h1>Forgot your password?</h1>
      {actionData?.ok ? (
        <Notice tone="success" title="Check your inbox">
          <p>If an account uses this address, a link to choose a new password is on its way. It works once, for 1 hour.</p>
        </Notice>
      ) : (
        <Form method="post" className="form">
          <p className="muted">Enter your account's email address and we'll send you a link to choose a new password.</p>
          <div className="field">
            <label htmlFor="email">Work email</label>
            <input id="email" name="email" type="email" required autoComplete="email" maxLength={254} aria-invalid={emailError ? true : undefined} />
            {emailError ? <p className="field-error">{emailError}</p> : null}
          </div>
          <button type="submit" className="button large" disabled={busy}>
            {busy ? "Sending…" : "Send me a link"}
          </button>
        </Form>
      )}
      {failed && !emailError ? (
        <Notice tone="error" title={failed.error.code === "rate_limited" ? "Too many requests" : "That did not work"}>
          <p>{failed.error.message}</p>
        </Notice>
      ) : null}
      <p className="muted">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
