import { data } from "react-router";
import type { Route } from "./+types/account-export";
import { fetchApiRaw, loginRedirect } from "../lib/api.server";

/** GET /v1/account/export, handed to the browser as a download. */
export async function loader(args: Route.LoaderArgs) {
  const response = await fetchApiRaw(args, "/v1/account/export");
  if (response.status === 401) throw loginRedirect(args.request);
  if (!response.ok) throw data({ code: "export_failed", message: "Your data could not be exported right now. Try again in a moment.", details: {} }, { status: response.status });
  return new Response(response.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": response.headers.get("Content-Disposition") ?? 'attachment; filename="openline-export.json"',
      "Cache-Control": "no-store",
    },
  });
}
