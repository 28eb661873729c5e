import { Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/reset-password";
import { Notice } from "../components/Notice";
import { field } from "../lib/api.server";
import { submitToApi } from "../lib/account-forms.server";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "Choose a new password · Openline" }];

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const password = String(form.get("password") ?? "");
  const result = await submitToApi(args, "confirm", "/v1/auth/password-reset/confirm", { json: { token: field(form, "token"), password }, auth: false });
  // Every session ended with the reset: log in again with the new password.
  if ("ok" in result && result.ok) throw redirect("/login?reset=done");
  return result;
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const passwordError = failed?.fieldErrors.password;
  return (
    <section className="page narrow auth">
      <h1>Choose a new password</h1>
      {loaderData.token ? (
        <Form method="post" className="form">
          <input type="hidden" name="token" value={loaderData.token} />
          <div className="field">
            <label htmlFor="password">New password</label>
            <input
              id="password"
              name="password"
              type="password"
              required
              minLength={10}
              maxLength={256}
              autoComplete="new-password"
              aria-invalid={passwordError ? true : undefined}
              aria-describedby="password-hint"
            />
            <p id="password-hint" className="hint">
              At least 10 characters. Setting it signs you out everywhere.
            </p>
            {passwordError ? <p className="field-error">{passwordError}</p> : null}
          </div>
          <button type="submit" className="button large" disabled={busy}>
            {busy ? "Saving…" : "Set new password"}
          </button>
        </Form>
      ) : (
        <p>This page needs the link from the reset email.</p>
      )}
      {failed && !passwordError ? (
        <Notice tone="error" title="The password was not changed">
          <p>{failed.error.message}</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </Notice>
      ) : null}
    </section>
  );
}
