import { useFetcher } from "react-router";
import type { FormResult } from "../lib/account-forms.server";
import type { Me, NotificationSettings } from "../lib/types";

/** The settings page's account panels; each posts its own intent to the page's action. */
function Outcome({ fetcher, success }: { fetcher: ReturnType<typeof useFetcher<FormResult>>; success: string }) {
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <div aria-live="polite">
      {result?.ok ? <p className="success small">{success}</p> : null}
      {result && !result.ok ? <p className="field-error">{Object.values(result.fieldErrors)[0] ?? result.error.message}</p> : null}
    </div>
  );
}

export function ProfileForm({ user }: { user: Me }) {
  const fetcher = useFetcher<FormResult>();
  return (
    <div className="panel">
      <h2 className="panel-title">Your name</h2>
      <fetcher.Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="profile" />
        <label htmlFor="profile-name" className="visually-hidden">
          Name
        </label>
        <input id="profile-name" name="name" autoComplete="name" maxLength={100} defaultValue={user.name ?? ""} />
        <button type="submit" className="button secondary small" disabled={fetcher.state !== "idle"}>
          Save name
        </button>
      </fetcher.Form>
      <Outcome fetcher={fetcher} success="Saved." />
    </div>
  );
}

export function EmailForm({ user }: { user: Me }) {
  const fetcher = useFetcher<FormResult>();
  return (
    <div className="panel">
      <h2 className="panel-title">Email address</h2>
      <p>
        Now: <strong>{user.email}</strong> {user.emailVerified ? "(confirmed)" : "(not confirmed yet)"}. A new address gets a link; your account switches
        when it is opened, and the current address is told.
      </p>
      <fetcher.Form method="post" className="form">
        <input type="hidden" name="intent" value="email" />
        <div className="field">
          <label htmlFor="new-email">New email address</label>
          <input id="new-email" name="email" type="email" required autoComplete="email" maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor="email-password">Your password</label>
          <input id="email-password" name="password" type="password" required autoComplete="current-password" />
        </div>
        <button type="submit" className="button secondary" disabled={fetcher.state !== "idle"}>
          Send confirmation link
        </button>
      </fetcher.Form>
      <Outcome fetcher={fetcher} success="Check the new address's inbox: the switch happens when you open the link." />
    </div>
  );
}

export function PasswordForm() {
  const fetcher = useFetcher<FormResult>();
  return (
    <div className="panel">
      <h2 className="panel-title">Password</h2>
      <p>Changing it signs out every other browser and app session.</p>
      <fetcher.Form method="post" className="form">
        <input type="hidden" name="intent" value="password" />
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input id="current-password" name="currentPassword" type="password" required autoComplete="current-password" />
        </div>
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input id="new-password" name="newPassword" type="password" required minLength={10} maxLength={256} autoComplete="new-password" />
        </div>
        <div className="field">
          <label htmlFor="confirm-password">New password, again</label>
          <input id="confirm-password" name="confirmPassword" type="password" required minLength={10} maxLength={256} autoComplete="new-password" />
        </div>
        <button type="submit" className="button secondary" disabled={fetcher.state !== "idle"}>
          Change password
        </button>
      </fetcher.Form>
      <Outcome fetcher={fetcher} success="Password changed; other sessions are signed out." />
    </div>
  );
}

const KINDS: Array<[keyof NotificationSettings, string]> = [
  ["jobFinished", "A job finished (with its counts and a link)"],
  ["jobFailed", "A job failed"],
  ["jobPaused", "A job paused because credits ran out"],
  ["creditsLow", "My balance fell under 10 % of my last credits"],
];

export function NotificationsForm({ settings }: { settings: NotificationSettings }) {
  const fetcher = useFetcher<FormResult>();
  return (
    <div className="panel">
      <h2 className="panel-title">Email me when…</h2>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="notifications" />
        <fieldset className="settings-toggles">
          <legend className="visually-hidden">Notification emails</legend>
          {KINDS.map(([kind, label]) => (
            <label key={kind}>
              <input type="checkbox" name={kind} defaultChecked={settings[kind]} /> {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button secondary small" disabled={fetcher.state !== "idle"}>
          Save email settings
        </button>
      </fetcher.Form>
      <Outcome fetcher={fetcher} success="Saved." />
    </div>
  );
}
