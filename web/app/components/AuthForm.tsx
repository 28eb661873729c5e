import { Form, Link, useNavigation, useSearchParams } from "react-router";
import type { AuthFormResult } from "../lib/auth.server";
import { Notice } from "./Notice";

/** The sign-up and log-in form: labelled fields, errors tied to their field, the API's message on top. */
export function AuthForm({ kind, result }: { kind: "login" | "signup"; result: AuthFormResult | undefined }) {
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const signup = kind === "signup";
  const topError = result?.error && Object.keys(errors).length === 0 ? result.error : null;
  return (
    <section className="page narrow auth">
      <h1>{signup ? "Create your account" : "Log in"}</h1>
      <p className="muted">{signup ? "500 free credits once you confirm your email: enough for 500 opening lines. No card needed." : "Welcome back."}</p>
      {!signup && params.get("reset") === "done" ? (
        <Notice tone="success" title="Your password is changed">
          <p>Log in with the new one; every other session was signed out.</p>
        </Notice>
      ) : null}
      {topError ? (
        <Notice tone="error" title={topError.code === "rate_limited" ? "Too many attempts" : signup ? "Could not sign up" : "Could not log in"}>
          <p>{topError.message}</p>
        </Notice>
      ) : null}
      <Form method="post" className="form" noValidate={false}>
        <input type="hidden" name="next" value={params.get("next") ?? ""} />
        {signup ? (
          <div className="field">
            <label htmlFor="name">Your name (optional)</label>
            <input id="name" name="name" autoComplete="name" maxLength={100} defaultValue={result?.values.name ?? ""} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="email">Work email</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            autoComplete="email"
            maxLength={254}
            defaultValue={result?.values.email ?? ""}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
          {errors.email ? (
            <p id="email-error" className="field-error">
              {errors.email}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            minLength={signup ? 10 : undefined}
            maxLength={256}
            autoComplete={signup ? "new-password" : "current-password"}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={[signup ? "password-hint" : "", errors.password ? "password-error" : ""].filter(Boolean).join(" ") || undefined}
          />
          {signup ? (
            <p id="password-hint" className="hint">
              At least 10 characters. A few random words work well.
            </p>
          ) : null}
          {errors.password ? (
            <p id="password-error" className="field-error">
              {errors.password}
            </p>
          ) : null}
          {signup ? null : (
            <p className="hint">
              <Link to="/forgot-password">Forgot password?</Link>
            </p>
          )}
        </div>
        <button type="submit" className="button large" disabled={busy}>
          {busy ? (signup ? "Creating your account…" : "Logging in…") : signup ? "Create account" : "Log in"}
        </button>
      </Form>
      <p className="muted">
        {signup ? (
          <>
            Already have an account? <Link to={{ pathname: "/login", search: params.toString() }}>Log in</Link>
          </>
        ) : (
          <>
            New here? <Link to={{ pathname: "/signup", search: params.toString() }}>Create an account</Link>
          </>
        )}
      </p>
    </section>
  );
}
