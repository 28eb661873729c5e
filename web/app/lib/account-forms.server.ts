import { data } from "react-router";
import { callApi, type ApiCallOptions, type ServerArgs } from "./api.server";
import { fieldErrorsOf } from "./auth.server";
import type { ApiErrorBody } from "./types";

/** What the account forms (verification, reset, settings) answer: done, or the API's error with field errors. */
export type FormResult = { intent: string; ok: true } | { intent: string; ok: false; error: ApiErrorBody; fieldErrors: Record<string, string> };

/** Calls the API for one form and turns the answer into a FormResult (the error keeps its status). */
export async function submitToApi(args: ServerArgs, intent: string, path: string, options: ApiCallOptions): Promise<FormResult | ReturnType<typeof data<FormResult>>> {
  const result = await callApi(args, path, { method: "POST", ...options });
  if (result.ok) return { intent, ok: true };
  return data<FormResult>({ intent, ok: false, error: result.error, fieldErrors: fieldErrorsOf(result.error) }, { status: result.status });
}

export const formError = (intent: string, message: string, status = 400) =>
  data<FormResult>({ intent, ok: false, error: { code: "invalid_request", message, details: {} }, fieldErrors: {} }, { status });
