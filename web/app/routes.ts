import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("signup", "routes/signup.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("verify-email", "routes/verify-email.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("unsubscribe", "routes/unsubscribe.tsx"),
  layout("routes/app-layout.tsx", [
    route("jobs", "routes/jobs.tsx"),
    route("jobs/new", "routes/jobs.new.tsx"),
    route("jobs/:jobId", "routes/job.tsx"),
    route("jobs/:jobId/download", "routes/job-download.ts"),
    route("account", "routes/account-layout.tsx", [
      index("routes/account.tsx"),
      route("billing", "routes/account.billing.tsx"),
      route("api-keys", "routes/account.api-keys.tsx"),
      route("settings", "routes/account.settings.tsx"),
    ]),
    route("account/export", "routes/account-export.ts"),
    route("admin", "routes/admin.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
