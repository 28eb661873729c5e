import { useEffect, useRef } from "react";
import { data, useFetcher } from "react-router";
import { LocalTime } from "../components/LocalTime";
import type { Route } from "./+types/account.api-keys";
import { CopyButton } from "../components/CopyButton";
import { EmptyState, Notice, TableWrap } from "../components/Notice";
import { callApi, field, idempotencyHeader, loadFromApi, loginRedirect } from "../lib/api.server";
import type { Schemas } from "../lib/openline-client";
import { useIdempotencyKey } from "../lib/browser";
import type { ApiErrorBody, ApiKey, Page } from "../lib/types";
import { readForm } from "../lib/form.server";

export const meta: Route.MetaFunction = () => [{ title: "API keys · Openline" }];

/** A new key starts with reading jobs and results only: every wider power is ticked on purpose. */
export const DEFAULT_KEY_SCOPES: readonly string[] = ["jobs:read"];

const SCOPES = [
  ["uploads:read", "Read uploads"],
  ["uploads:write", "Upload files"],
  ["jobs:read", "Read jobs and results"],
  ["jobs:write", "Start and control jobs"],
  ["credits:read", "Read credits"],
  ["billing:write", "Start checkouts"],
] as const;

export async function loader(args: Route.LoaderArgs) {
  return { keys: await loadFromApi(args, (api) => api.GET("/v1/api-keys", { params: { query: { limit: 100 } } })) };
}

export type ApiKeyActionData =
  | { intent: "create"; ok: true; key: ApiKey & { key: string } }
  | { intent: "revoke"; ok: true }
  | { intent: string; ok: false; error: ApiErrorBody };

export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = field(form, "intent");
  const scopes = form.getAll("scopes").map(String);
  // The API gives a key without scopes every scope: never let an empty choice mean "everything".
  if (intent === "create" && scopes.length === 0) {
    return data<ApiKeyActionData>({ intent, ok: false, error: { code: "invalid_request", message: "Choose at least one thing the key may do.", details: {} } }, { status: 400 });
  }
  const result =
    intent === "create"
      ? await callApi(args, (api) =>
          api.POST("/v1/api-keys", {
            body: { name: field(form, "name"), scopes: scopes as Schemas["CreateApiKeyRequest"]["scopes"] },
            headers: idempotencyHeader(field(form, "idempotencyKey")),
          }),
        )
      : intent === "revoke"
        ? await callApi(args, (api) => api.DELETE("/v1/api-keys/{id}", { params: { path: { id: field(form, "id") } } }))
        : null;
  if (!result) return data<ApiKeyActionData>({ intent, ok: false, error: { code: "invalid_request", message: "Unknown action.", details: {} } }, { status: 400 });
  if (!result.ok) {
    if (result.status === 401) throw loginRedirect(args.request);
    return data<ApiKeyActionData>({ intent, ok: false, error: result.error }, { status: result.status });
  }
  return intent === "create" ? ({ intent: "create", ok: true, key: result.data as ApiKey & { key: string } } satisfies ApiKeyActionData) : ({ intent: "revoke", ok: true } satisfies ApiKeyActionData);
}

export default function ApiKeys({ loaderData }: Route.ComponentProps) {
  const keys = loaderData.keys.data;
  return (
    <section className="page">
      <h1>API keys</h1>
      <p className="muted">
        Everything the app does, the API does too: upload lists, run jobs and fetch results from your CRM or scripts. See the{" "}
        <a href="/docs">API reference</a>.
      </p>
      <CreateKey />
      <h2>Active keys</h2>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet." />
      ) : (
        <TableWrap label="Active API keys">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Last used</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td className="small">{key.scopes.length === SCOPES.length ? "All" : key.scopes.join(", ")}</td>
                  <td>{key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : "Never"}</td>
                  <td><LocalTime iso={key.createdAt} /></td>
                  <td>
                    <RevokeKey apiKey={key} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function CreateKey() {
  const fetcher = useFetcher<ApiKeyActionData>();
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useRef<HTMLFormElement>(null);
  const created = fetcher.data?.intent === "create" && fetcher.data.ok ? fetcher.data.key : null;
  const error = fetcher.data && !fetcher.data.ok && fetcher.data.intent === "create" ? fetcher.data.error : null;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) {
      renewKey();
      if (fetcher.data.ok) form.current?.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  return (
    <div className="panel">
      <h2 className="panel-title">Create a key</h2>
      <fetcher.Form method="post" ref={form} className="form">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input id="key-name" name="name" required maxLength={100} placeholder="e.g. HubSpot sync" />
        </div>
        <fieldset className="checks-fieldset">
          <legend>What may it do? (only what it needs)</legend>
          <div className="checks">
            {SCOPES.map(([scope, label]) => (
              <label key={scope} className="check">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={DEFAULT_KEY_SCOPES.includes(scope)} />
                {label} <code className="small">{scope}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Creating…" : "Create key"}
        </button>
      </fetcher.Form>
      {error ? (
        <Notice tone="error" title="The key could not be created">
          <p>{error.message}</p>
        </Notice>
      ) : null}
      {created ? (
        <Notice tone="success" title={`Key “${created.name}” created`}>
          <p>Copy it now: this is the only time it is shown. We store only a fingerprint of it.</p>
          <div className="inline-form">
            <label htmlFor="new-key" className="visually-hidden">
              New API key
            </label>
            <input id="new-key" className="mono key-value" readOnly value={created.key} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={created.key} targetId="new-key" label="Copy key" />
          </div>
        </Notice>
      ) : null}
    </div>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const fetcher = useFetcher<ApiKeyActionData>();
  return (
    <fetcher.Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${apiKey.name}”? Anything using it stops working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="id" value={apiKey.id} />
      <button type="submit" className="button danger-outline small" disabled={fetcher.state !== "idle"} aria-label={`Revoke ${apiKey.name}`}>
        {fetcher.state !== "idle" ? "Revoking…" : "Revoke"}
      </button>
      {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.error.message}</p> : null}
    </fetcher.Form>
  );
}
