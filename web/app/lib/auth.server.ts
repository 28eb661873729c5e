import { data, redirect } from "react-router";
import { callApi, type ServerArgs } from "./api.server";
import { clearSessionCookies, newCsrfToken, readSessionCookies, sessionSetCookies } from "./session.server";
import type { ApiErrorBody, Session } from "./types";
import { readForm } from "./form.server";

export interface AuthFormResult {
  error: ApiErrorBody;
  fieldErrors: Record<string, string>;
  values: { email: string; name?: string };
}

/**
 * Only same-site paths: `next` must never send a user to another site after logging in. Browsers drop
 * tabs and newlines from URLs (`/\t/evil.com` is `//evil.com`), so the path is resolved the way a
 * browser would and must stay on our origin.
 */
export function safeNext(value: FormDataEntryValue | string | null | undefined, fallback = "/jobs"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\x00-\x20\x7f\\]/.test(value)) return fallback;
  const base = "https://openline.invalid";
  const resolved = new URL(value, base);
  return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : fallback;
}

/** zod issues from a 400 as `{field: message}` (first message per field). */
export function fieldErrorsOf(error: ApiErrorBody): Record<string, string> {
  const issues = error.details?.issues;
  const errors: Record<string, string> = {};
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues as { path?: string; message?: string }[]) {
    const field = (issue.path ?? "").split(".")[0] ?? "";
    if (field && issue.message && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function redirectWithSession(to: string, session: Session): Response {
  const headers = new Headers();
  for (const cookie of sessionSetCookies(session, newCsrfToken())) headers.append("Set-Cookie", cookie);
  return redirect(to, { headers });
}

/** Log in or sign up through the API, then hold the tokens in the session cookies. */
export async function authenticate(args: ServerArgs, kind: "login" | "signup"): Promise<Response | ReturnType<typeof data<AuthFormResult>>> {
  const form = await readForm(args.request);
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const name = String(form.get("name") ?? "").trim();
  const body = kind === "signup" ? { email, password, ...(name ? { name } : {}) } : { email, password };
  const result = await callApi(args, (api) => (kind === "signup" ? api.POST("/v1/auth/signup", { body }) : api.POST("/v1/auth/login", { body })), { auth: false });
  if (result.ok) return redirectWithSession(safeNext(form.get("next"), kind === "signup" ? "/jobs/new" : "/jobs"), result.data);
  return data<AuthFormResult>(
    { error: result.error, fieldErrors: fieldErrorsOf(result.error), values: { email, name } },
    { status: result.status },
  );
}

/** Revokes the refresh-token family at the API and clears the cookies, whatever the API says. */
export async function logout(args: ServerArgs): Promise<Response> {
  const { refreshToken } = readSessionCookies(args.request);
  if (refreshToken) await callApi(args, (api) => api.POST("/v1/auth/logout", { body: { refreshToken } }), { auth: false });
  const headers = new Headers();
  for (const cookie of clearSessionCookies()) headers.append("Set-Cookie", cookie);
  return redirect("/", { headers });
}
