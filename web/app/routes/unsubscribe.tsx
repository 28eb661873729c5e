import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/unsubscribe";
import { Notice } from "../components/Notice";
import { field } from "../lib/api.server";
import { submitToApi } from "../lib/account-forms.server";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "Unsubscribe · Openline" }];

const KIND_LABELS: Record<string, string> = {
  jobFinished: "“job finished” emails",
  jobFailed: "“job failed” emails",
  jobPaused: "“job paused” emails",
  creditsLow: "“credits low” emails",
};

export function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, kind: KIND_LABELS[token.split(".")[1] ?? ""] ?? "these emails" };
}

/** One click, no login: the signed token says which user and which kind. */
export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  return submitToApi(args, "unsubscribe", `/v1/notifications/unsubscribe?token=${encodeURIComponent(field(form, "token"))}`, { auth: false });
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  return (
    <section className="page narrow auth">
      <h1>Unsubscribe</h1>
      {actionData?.ok ? (
        <Notice tone="success" title="Done">
          <p>You will get no more {loaderData.kind}. Turn them back on any time in <Link to="/account/settings">Settings</Link>.</p>
        </Notice>
      ) : (
        <Form method="post" className="form">
          <p>Stop {loaderData.kind} from Openline?</p>
          <input type="hidden" name="token" value={loaderData.token} />
          <button type="submit" className="button large" disabled={busy || !loaderData.token}>
            {busy ? "Unsubscribing…" : "Unsubscribe"}
          </button>
        </Form>
      )}
      {actionData && !actionData.ok ? (
        <Notice tone="error" title="That did not work">
          <p>{actionData.error.message}</p>
        </Notice>
      ) : null}
    </section>
  );
}
