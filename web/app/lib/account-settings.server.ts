import { data, redirect } from "react-router";
import { callApi, field, loginRedirect, type ServerArgs } from "./api.server";
import { formError, submitToApi, type FormResult } from "./account-forms.server";
import { sessionContext } from "./context.server";
import { newCsrfToken, sessionSetCookies } from "./session.server";
import type { Session } from "./types";

type Answer = FormResult | ReturnType<typeof data<FormResult>> | Response;

const NOTIFICATION_KINDS = ["jobFinished", "jobFailed", "jobPaused", "creditsLow"] as const;

/** The settings page's account forms: name, address, password, notification emails. */
export async function accountSettingsAction(args: ServerArgs, intent: string, form: FormData): Promise<Answer | null> {
  if (intent === "profile") {
    const name = field(form, "name");
    return submitWith(args, intent, "/v1/me", { method: "PATCH", json: { name: name === "" ? null : name } });
  }
  if (intent === "email") {
    return submitWith(args, intent, "/v1/account/email", { json: { email: field(form, "email"), password: String(form.get("password") ?? "") } });
  }
  if (intent === "notifications") {
    const settings = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, form.get(kind) === "on"]));
    return submitWith(args, intent, "/v1/account/notifications", { method: "PATCH", json: settings });
  }
  if (intent === "password") return changePassword(args, form);
  return null;
}

async function submitWith(args: ServerArgs, intent: string, path: string, options: Parameters<typeof submitToApi>[3]): Promise<Answer> {
  const result = await submitToApi(args, intent, path, options);
  if (!("ok" in result) && result.init?.status === 401 && result.data.ok === false && result.data.error.code !== "invalid_credentials") {
    throw loginRedirect(args.request);
  }
  return result;
}

/**
 * A password change revokes every refresh token, this browser's too: the action logs in again with
 * the new password, so this session goes on and every other one ends.
 */
async function changePassword(args: ServerArgs, form: FormData): Promise<Answer> {
  const intent = "password";
  const currentPassword = String(form.get("currentPassword") ?? "");
  const newPassword = String(form.get("newPassword") ?? "");
  if (newPassword !== String(form.get("confirmPassword") ?? "")) return formError(intent, "The new passwords do not match.");
  const changed = await submitWith(args, intent, "/v1/account/password", { json: { currentPassword, newPassword } });
  if (!("ok" in changed) || !changed.ok) return changed;
  const email = args.context.get(sessionContext).user?.email;
  const login = email ? await callApi<Session>(args, "/v1/auth/login", { method: "POST", json: { email, password: newPassword }, auth: false }) : null;
  if (!login?.ok) return redirect("/login?reset=done");
  const headers = new Headers();
  for (const cookie of sessionSetCookies(login.data, newCsrfToken())) headers.append("Set-Cookie", cookie);
  return data<FormResult>({ intent, ok: true }, { headers });
}
