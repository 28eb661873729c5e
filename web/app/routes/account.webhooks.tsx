import { data, Link, useFetcher } from "react-router";
import type { Route } from "./+types/account.webhooks";
import { EmptyState, TableWrap } from "../components/Notice";
import { callApi, field, loadFromApi, loginRedirect } from "../lib/api.server";
import { formatDate } from "../lib/format";
import { readForm } from "../lib/form.server";
import type { ApiErrorBody, WebhookDelivery } from "../lib/types";

export const meta: Route.MetaFunction = () => [{ title: "Webhooks · Openline" }];

export async function loader(args: Route.LoaderArgs) {
  const cursor = new URL(args.request.url).searchParams.get("cursor");
  const deliveries = await loadFromApi(args, (api) => api.GET("/v1/webhook-deliveries", { params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } } }));
  return { deliveries, paged: Boolean(cursor) };
}

export type WebhooksActionData = { intent: string; ok: true; delivery: WebhookDelivery } | { intent: string; ok: false; error: ApiErrorBody };

/** "Send test event" and "Redeliver": both POST at once and answer the delivery with its outcome. */
export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  const url = field(form, "url");
  const id = field(form, "id");
  const result =
    intent === "test"
      ? await callApi(args, (api) => api.POST("/v1/webhook-deliveries/test", { body: url ? { url } : {} }))
      : intent === "redeliver"
        ? await callApi(args, (api) => api.POST("/v1/webhook-deliveries/{id}/redeliver", { params: { path: { id } } }))
        : null;
  if (!result) return data<WebhooksActionData>({ intent, ok: false, error: { code: "invalid_request", message: "Unknown action.", details: {} } }, { status: 400 });
  if (result.ok) return { intent, ok: true, delivery: result.data } satisfies WebhooksActionData;
  if (result.status === 401) throw loginRedirect(args.request);
  return data<WebhooksActionData>({ intent, ok: false, error: result.error }, { status: result.status });
}

const STATUS_TEXT = { delivered: "Delivered", retrying: "Retrying", failed: "Failed" } as const;

export default function Webhooks({ loaderData }: Route.ComponentProps) {
  const { deliveries, paged } = loaderData;
  return (
    <section className="page">
      <h1>Webhooks</h1>
      <p className="muted">
        Every webhook we sent you in the last 30 days, with its last answer. Set a job&rsquo;s <code>webhookUrl</code> to get{" "}
        <code>job.succeeded</code>, <code>job.failed</code> and <code>job.paused</code>; check each one&rsquo;s signature with the secret in{" "}
        <Link to="/account/settings">Settings</Link> (examples in the <a href="/docs#webhooks">API reference</a>).
      </p>
      <SendTestEvent />
      <h2>Deliveries</h2>
      {deliveries.data.length === 0 ? (
        <EmptyState title={paged ? "No older deliveries." : "No webhooks sent yet."} />
      ) : (
        <TableWrap label="Webhook deliveries">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Sent to</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Next retry</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <code>{delivery.event}</code>
                    {delivery.jobId ? (
                      <div className="small">
                        <Link to={`/jobs/${delivery.jobId}`}>the job</Link>
                      </div>
                    ) : null}
                  </td>
                  <td className="mono small">{delivery.urlHost}</td>
                  <td>{STATUS_TEXT[delivery.status]}</td>
                  <td>{delivery.attempts}</td>
                  <td className="small">{delivery.lastResponseCode ?? delivery.lastError ?? "—"}</td>
                  <td>{delivery.nextRetryAt ? formatDate(delivery.nextRetryAt) : "—"}</td>
                  <td>{formatDate(delivery.createdAt)}</td>
                  <td>
                    <Redeliver id={delivery.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {deliveries.nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(deliveries.nextCursor)}`}>Older deliveries</Link>
        </p>
      ) : null}
    </section>
  );
}

function outcomeText(delivery: WebhookDelivery): string {
  return delivery.status === "delivered" ? `Delivered (${delivery.lastResponseCode}).` : `Not delivered: ${delivery.lastResponseCode ?? delivery.lastError ?? "no answer"}.`;
}

function SendTestEvent() {
  const fetcher = useFetcher<WebhooksActionData>();
  const answer = fetcher.data?.intent === "test" ? fetcher.data : null;
  return (
    <div className="panel">
      <h2 className="panel-title">Send a test event</h2>
      <fetcher.Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="test" />
        <label htmlFor="test-url" className="visually-hidden">
          Webhook URL
        </label>
        <input id="test-url" name="url" type="url" placeholder="https://… (empty: the URL of your latest delivery)" />
        <button type="submit" className="button secondary" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Sending…" : "Send test event"}
        </button>
      </fetcher.Form>
      <div aria-live="polite">
        {answer?.ok ? <p className={answer.delivery.status === "delivered" ? "success small" : "field-error"}>{outcomeText(answer.delivery)}</p> : null}
        {answer && !answer.ok ? <p className="field-error">{answer.error.message}</p> : null}
      </div>
    </div>
  );
}

function Redeliver({ id }: { id: string }) {
  const fetcher = useFetcher<WebhooksActionData>();
  const answer = fetcher.data?.intent === "redeliver" ? fetcher.data : null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="redeliver" />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button secondary small" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Sending…" : "Redeliver"}
      </button>
      <span aria-live="polite" className="small">
        {answer?.ok ? ` ${outcomeText(answer.delivery)}` : answer && !answer.ok ? ` ${answer.error.message}` : ""}
      </span>
    </fetcher.Form>
  );
}
