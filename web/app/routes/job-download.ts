import { data } from "react-router";
import type { Route } from "./+types/job-download";
import { fetchApiRaw, loginRedirect } from "../lib/api.server";

const PASSED_HEADERS = ["Content-Type", "Content-Disposition", "Content-Length", "Cache-Control"];

/** The job's output file (all rows, or only the approved ones; with `include=evidence`, an evidence column), streamed from the API as it comes (CSV or XLSX). */
export async function loader(args: Route.LoaderArgs) {
  const params = new URL(args.request.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const approvedOnly = params.get("review") === "approved" ? "&review=approved" : "";
  const include = params.get("include") === "evidence" ? "&include=evidence" : "";
  const response = await fetchApiRaw(args, `/v1/jobs/${encodeURIComponent(args.params.jobId)}/output?format=${format}${approvedOnly}${include}`);
  if (response.status === 401) throw loginRedirect(args.request);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw data({ code: "download_failed", message: body?.error?.message ?? "The file could not be produced.", details: {} }, { status: response.status });
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has("Content-Disposition")) headers.set("Content-Disposition", `attachment; filename="openline-${args.params.jobId}.${format}"`);
  return new Response(response.body, { status: 200, headers });
}
