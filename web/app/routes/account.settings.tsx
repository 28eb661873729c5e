import { useState } from "react";
import { data, redirect, useFetcher } from "react-router";
import type { Route } from "./+types/account.settings";
import { EmailForm, NotificationsForm, PasswordForm, ProfileForm } from "../components/AccountForms";
import { CopyButton } from "../components/CopyButton";
import { Notice } from "../components/Notice";
import { callApi, field, loadFromApi, loadOptional, loginRedirect } from "../lib/api.server";
import { clearSessionCookies } from "../lib/session.server";
import type { ApiErrorBody } from "../lib/types";
import { readForm } from "../lib/form.server";
import { accountSettingsAction } from "../lib/account-settings.server";
import { useUser } from "../root";
import type { NotificationSettings } from "../lib/types";

export const meta: Route.MetaFunction = () => [{ title: "Settings & data · Openline" }];

interface Retention {
  days: number;
  maxDays: number;
}

export async function loader(args: Route.LoaderArgs) {
  const [secret, retention, notifications] = await Promise.all([
    loadFromApi<{ secret: string }>(args, "/v1/account/webhook-secret"),
    loadOptional<Retention>(args, "/v1/account/retention"),
    loadFromApi<NotificationSettings>(args, "/v1/account/notifications"),
  ]);
  return { webhookSecret: secret.secret, retention, notifications };
}

export type SettingsActionData = { intent: string; ok: true } | { intent: string; ok: false; error: ApiErrorBody };

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  const account = await accountSettingsAction(args, intent, form);
  if (account) return account;
  if (intent === "rotate-secret") {
    const result = await callApi<{ secret: string }>(args, "/v1/account/webhook-secret", { method: "POST" });
    if (result.ok) return { intent, ok: true } satisfies SettingsActionData;
    if (result.status === 401) throw loginRedirect(args.request);
    return data<SettingsActionData>({ intent, ok: false, error: result.error }, { status: result.status });
  }
  if (intent === "retention") {
    const result = await callApi<Retention>(args, "/v1/account/retention", { method: "PATCH", json: { days: Number(field(form, "days")) } });
    if (result.ok) return { intent, ok: true } satisfies SettingsActionData;
    if (result.status === 401) throw loginRedirect(args.request);
    return data<SettingsActionData>({ intent, ok: false, error: result.error }, { status: result.status });
  }
  if (intent === "delete-account") {
    if (field(form, "confirm") !== "delete") {
      return data<SettingsActionData>({ intent, ok: false, error: { code: "invalid_request", message: "Type “delete” to confirm.", details: {} } }, { status: 400 });
    }
    const result = await callApi<null>(args, "/v1/account", { method: "DELETE", json: { password: String(form.get("password") ?? "") } });
    if (result.ok) {
      const headers = new Headers();
      for (const cookie of clearSessionCookies()) headers.append("Set-Cookie", cookie);
      return redirect("/?account=deleted", { headers });
    }
    if (result.status === 401 && result.error.code !== "invalid_credentials") throw loginRedirect(args.request);
    return data<SettingsActionData>({ intent, ok: false, error: result.error }, { status: result.status });
  }
  return data<SettingsActionData>({ intent, ok: false, error: { code: "invalid_request", message: "Unknown action.", details: {} } }, { status: 400 });
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const user = useUser();
  return (
    <section className="page">
      <h1>Settings &amp; data</h1>
      {user ? <ProfileForm user={user} /> : null}
      {user ? <EmailForm user={user} /> : null}
      <PasswordForm />
      <NotificationsForm settings={loaderData.notifications} />
      <WebhookSecret secret={loaderData.webhookSecret} />
      {loaderData.retention ? <FileRetention retention={loaderData.retention} /> : null}
      <div className="panel">
        <h2 className="panel-title">Export your data</h2>
        <p>Everything we store about you — account, email settings, ledger, uploads with the files themselves, mapping profiles, jobs with the lines we wrote, and API keys (never their secrets) — as one JSON file.</p>
        <a className="button secondary" href="/account/export">
          Download my data
        </a>
      </div>
      <DeleteAccount />
    </section>
  );
}

function WebhookSecret({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  const fetcher = useFetcher<SettingsActionData>();
  return (
    <div className="panel">
      <h2 className="panel-title">Webhook signing secret</h2>
      <p>
        Job webhooks carry an <code>Openline-Signature: t=…,v1=…</code> header: an HMAC-SHA256 of <code>t.body</code> with this secret. Check it before
        trusting a webhook.
      </p>
      <div className="inline-form">
        <label htmlFor="webhook-secret" className="visually-hidden">
          Webhook secret
        </label>
        <input id="webhook-secret" className="mono key-value" readOnly type={shown ? "text" : "password"} value={secret} />
        <button type="button" className="button secondary small" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? "Hide" : "Show"}
        </button>
        <CopyButton value={secret} targetId="webhook-secret" />
      </div>
      <fetcher.Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm("Rotate the secret? Webhooks signed with the old one will no longer verify.")) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="rotate-secret" />
        <button type="submit" className="button secondary small" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Rotating…" : "Rotate secret"}
        </button>
      </fetcher.Form>
      <div aria-live="polite">
        {fetcher.data?.ok ? <p className="success small">A new secret is in place.</p> : null}
        {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error.message}</p> : null}
      </div>
    </div>
  );
}

function FileRetention({ retention }: { retention: Retention }) {
  const fetcher = useFetcher<SettingsActionData>();
  return (
    <div className="panel">
      <h2 className="panel-title">How long we keep your files</h2>
      <p>
        Uploaded files and job results are deleted this many days after they were made (at most {retention.maxDays}). Job counts and your credit ledger
        are kept.
      </p>
      <fetcher.Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="retention" />
        <label htmlFor="retention-days">Days</label>
        <input id="retention-days" className="days-input" name="days" type="number" min={1} max={retention.maxDays} defaultValue={retention.days} required />
        <button type="submit" className="button secondary small" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Saving…" : "Save"}
        </button>
      </fetcher.Form>
      <div aria-live="polite">
        {fetcher.data?.intent === "retention" && fetcher.data.ok ? <p className="success small">Saved.</p> : null}
        {fetcher.data?.intent === "retention" && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error.message}</p> : null}
      </div>
    </div>
  );
}

function DeleteAccount() {
  const fetcher = useFetcher<SettingsActionData>();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    <div className="panel panel-danger">
      <h2 className="panel-title">Delete my account</h2>
      <p>Deletes your account, files, jobs, results and API keys at once. Remaining credits are lost. This cannot be undone.</p>
      <fetcher.Form method="post" className="form">
        <input type="hidden" name="intent" value="delete-account" />
        <div className="field">
          <label htmlFor="delete-password">Your password</label>
          <input id="delete-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="delete-confirm">Type “delete” to confirm</label>
          <input id="delete-confirm" name="confirm" required pattern="delete" autoComplete="off" />
        </div>
        <button type="submit" className="button danger" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Deleting…" : "Delete my account"}
        </button>
      </fetcher.Form>
      {error ? (
        <Notice tone="error" title="The account was not deleted">
          <p>{error.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
