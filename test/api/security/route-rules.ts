import type { ApiScope } from "../../../worker/types";
import type { OwnedKind } from "./owned-resources";

/**
 * How each route of the app is protected: the table the per-route security suite (every-route.test.ts)
 * checks every route against. A route the app serves but this table does not know fails the suite, so
 * a new route cannot skip its checks. Adding one is one line, keyed "METHOD /path" as the OpenAPI
 * document spells it:
 *
 *   "GET /v1/things/{id}": { scope: "things:read", owned: "thing" },
 *
 * - `public`: no credentials needed (say why).
 * - `token`: any valid credentials (a session or any API key), no scope.
 * - `scope`: sessions, or API keys carrying that scope: 401 without a token, 403 for a key without it.
 * - `session`: a signed-in person only: 403 for any API key.
 * - `admin`: admins only: 403 for a signed-in user who is not one.
 * - `owned`: the `{id}` (any other path parameter, like `{row}`, is 1) is a resource of the caller's (factories: owned-resources.ts): another user
 *   gets 404. `body` and `headers` make that request valid in every other way, so only ownership is tested.
 */
export type RouteRule = (
  | { public: string }
  | { token: true }
  | { scope: ApiScope }
  | { session: true }
  | { admin: true }
) & { owned?: OwnedKind; body?: unknown; headers?: Record<string, string> };

export const ROUTE_RULES: Record<string, RouteRule> = {
  // Operations
  "GET /health": { public: "load balancers and uptime checks" },
  "GET /openapi.json": { public: "the contract is public" },
  "GET /docs": { public: "the contract is public" },

  // Auth and account
  "POST /v1/auth/signup": { public: "creates the credentials" },
  "POST /v1/auth/login": { public: "creates the credentials" },
  "POST /v1/auth/refresh": { public: "takes a refresh token in its body or cookie" },
  "POST /v1/auth/logout": { public: "takes a refresh token in its body or cookie" },
  "GET /v1/me": { token: true },
  "PATCH /v1/me": { session: true },
  "POST /v1/auth/verify-email": { public: "the emailed token is the credential" },
  "POST /v1/auth/resend-verification": { token: true },
  "POST /v1/auth/password-reset": { public: "for people who cannot log in" },
  "POST /v1/auth/password-reset/confirm": { public: "the emailed token is the credential" },
  "POST /v1/account/password": { session: true },
  "POST /v1/account/email": { session: true },
  "GET /v1/account/notifications": { token: true },
  "PATCH /v1/account/notifications": { session: true },
  "POST /v1/notifications/unsubscribe": { public: "one-click from the email (RFC 8058); the signed token is the credential" },
  "GET /v1/api-keys": { session: true },
  "POST /v1/api-keys": { session: true },
  "DELETE /v1/api-keys/{id}": { session: true, owned: "apiKey" },
  "GET /v1/account/webhook-secret": { session: true },
  "POST /v1/account/webhook-secret": { session: true },
  "GET /v1/account/export": { session: true },
  "DELETE /v1/account": { session: true },
  "GET /v1/account/retention": { session: true },
  "PATCH /v1/account/retention": { session: true },

  // Credits and billing
  "GET /v1/credits": { scope: "credits:read" },
  "GET /v1/billing/plans": { public: "prices are shown before signup" },
  "POST /v1/billing/checkout": { scope: "billing:write" },
  "POST /v1/billing/portal": { scope: "billing:write" },
  "GET /v1/billing/subscription": { scope: "credits:read" },
  "POST /v1/webhooks/stripe": { public: "Stripe signs its requests (Stripe-Signature)" },

  // Admin
  "GET /v1/admin/users": { admin: true },
  "POST /v1/admin/users/{id}/credits": { admin: true },
  "GET /v1/admin/jobs": { admin: true },

  // Uploads and mapping profiles
  "POST /v1/uploads": { scope: "uploads:write" },
  "GET /v1/uploads": { scope: "uploads:read" },
  "GET /v1/uploads/{id}": { scope: "uploads:read", owned: "upload" },
  "DELETE /v1/uploads/{id}": { scope: "uploads:write", owned: "upload" },
  "GET /v1/mapping-profiles": { scope: "uploads:read" },
  "POST /v1/mapping-profiles": { scope: "uploads:write" },
  "PATCH /v1/mapping-profiles/{id}": { scope: "uploads:write", owned: "mappingProfile", body: { name: "Renamed by a stranger" } },
  "DELETE /v1/mapping-profiles/{id}": { scope: "uploads:write", owned: "mappingProfile" },

  // Jobs
  "POST /v1/jobs": { scope: "jobs:write" },
  "GET /v1/jobs": { scope: "jobs:read" },
  "GET /v1/jobs/{id}": { scope: "jobs:read", owned: "job" },
  "GET /v1/jobs/{id}/rows": { scope: "jobs:read", owned: "job" },
  "GET /v1/jobs/{id}/output": { scope: "jobs:read", owned: "job" },
  "POST /v1/jobs/{id}/ticket": { scope: "jobs:read", owned: "job" },
  "GET /v1/jobs/{id}/events": { scope: "jobs:read", owned: "job", headers: { Upgrade: "websocket" } },
  "POST /v1/jobs/{id}/cancel": { scope: "jobs:write", owned: "job" },
  "POST /v1/jobs/{id}/pause": { scope: "jobs:write", owned: "job" },
  "POST /v1/jobs/{id}/resume": { scope: "jobs:write", owned: "job" },
  "POST /v1/jobs/{id}/retry-failed": { scope: "jobs:write", owned: "job" },
  "PATCH /v1/jobs/{id}/rows/{row}": { scope: "jobs:write", owned: "job", body: { review: "approved" } },
  "POST /v1/jobs/{id}/rows/{row}/regenerate": { scope: "jobs:write", owned: "job" },

  // Saved contexts
  "GET /v1/contexts": { scope: "jobs:read" },
  "POST /v1/contexts": { scope: "jobs:write" },
  "PATCH /v1/contexts/{id}": { scope: "jobs:write", owned: "savedContext", body: { name: "Renamed by a stranger" } },
  "DELETE /v1/contexts/{id}": { scope: "jobs:write", owned: "savedContext" },
};
