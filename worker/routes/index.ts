import type { App } from "../types";
import { registerDeleteAccount } from "./account/delete";
import { registerChangeEmail } from "./account/email";
import { registerGetNotificationSettings } from "./account/notifications-get";
import { registerUpdateNotificationSettings } from "./account/notifications-update";
import { registerChangePassword } from "./account/password";
import { registerAccountExport } from "./account/export";
import { registerRetention } from "./account/retention";
import { registerWebhookSecret } from "./account/webhook-secret";
import { registerAdminGrantCredits } from "./admin/grant-credits";
import { registerAdminUsers } from "./admin/users";
import { registerCreateApiKey } from "./api-keys/create";
import { registerListApiKeys } from "./api-keys/list";
import { registerRevokeApiKey } from "./api-keys/revoke";
import { registerLogin } from "./auth/login";
import { registerLogout } from "./auth/logout";
import { registerPasswordReset } from "./auth/password-reset";
import { registerPasswordResetConfirm } from "./auth/password-reset-confirm";
import { registerResendVerification } from "./auth/resend-verification";
import { registerVerifyEmail } from "./auth/verify-email";
import { registerRefresh } from "./auth/refresh";
import { registerSignup } from "./auth/signup";
import { registerBillingCheckout } from "./billing/checkout";
import { registerBillingPlans } from "./billing/plans";
import { registerBillingPortal } from "./billing/portal";
import { registerBillingSubscription } from "./billing/subscription";
import { registerCredits } from "./credits/get";
import { registerAdminJobs } from "./admin/jobs";
import { registerCancelJob } from "./jobs/cancel";
import { registerCreateJob } from "./jobs/create";
import { registerJobEvents } from "./jobs/events";
import { registerGetJob } from "./jobs/get";
import { registerListJobs } from "./jobs/list";
import { registerJobOutput } from "./jobs/output";
import { registerPauseJob } from "./jobs/pause";
import { registerResumeJob } from "./jobs/resume";
import { registerRetryFailedJob } from "./jobs/retry-failed";
import { registerJobRows } from "./jobs/rows";
import { registerRegenerateJobRow } from "./jobs/row-regenerate";
import { registerUpdateJobRow } from "./jobs/row-update";
import { registerJobTicket } from "./jobs/ticket";
import { registerDocs } from "./operations/docs";
import { registerHealth } from "./operations/health";
import { registerMe } from "./account/me";
import { registerUpdateMe } from "./account/me-update";
import { registerUnsubscribe } from "./notifications/unsubscribe";
import { registerStripeWebhook } from "./webhooks/stripe";
import { registerCreateMappingProfile } from "./mapping-profiles/create";
import { registerDeleteMappingProfile } from "./mapping-profiles/delete";
import { registerListMappingProfiles } from "./mapping-profiles/list";
import { registerUpdateMappingProfile } from "./mapping-profiles/update";
import { registerCreateContext } from "./contexts/create";
import { registerDeleteContext } from "./contexts/delete";
import { registerListContexts } from "./contexts/list";
import { registerUpdateContext } from "./contexts/update";
import { registerCreateUpload } from "./uploads/create";
import { registerDeleteUpload } from "./uploads/delete";
import { registerGetUpload } from "./uploads/get";
import { registerListUploads } from "./uploads/list";

/** Every route, registered in one place. One file per route; each domain's block stays together. */
export function registerRoutes(app: App) {
  // Operations
  registerHealth(app);
  registerDocs(app);

  // Auth and account
  registerSignup(app);
  registerLogin(app);
  registerRefresh(app);
  registerLogout(app);
  registerMe(app);
  registerUpdateMe(app);
  // Accounts (issue #14): verification, password reset, account changes, notifications
  registerVerifyEmail(app);
  registerResendVerification(app);
  registerPasswordReset(app);
  registerPasswordResetConfirm(app);
  registerChangePassword(app);
  registerChangeEmail(app);
  registerGetNotificationSettings(app);
  registerUpdateNotificationSettings(app);
  registerUnsubscribe(app);
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
  registerWebhookSecret(app);
  registerAccountExport(app);
  registerRetention(app);
  registerDeleteAccount(app);

  // Credits
  registerCredits(app);

  // Admin
  registerAdminUsers(app);
  registerAdminGrantCredits(app);

  // Uploads (issue #3)
  registerCreateUpload(app);
  registerListUploads(app);
  registerGetUpload(app);
  registerDeleteUpload(app);
  registerListMappingProfiles(app);
  registerCreateMappingProfile(app);
  registerUpdateMappingProfile(app);
  registerDeleteMappingProfile(app);

  // Jobs (issue #4)
  registerCreateJob(app);
  registerListJobs(app);
  registerGetJob(app);
  registerJobRows(app);
  registerUpdateJobRow(app);
  registerRegenerateJobRow(app);
  registerJobOutput(app);
  registerJobTicket(app);
  registerJobEvents(app);
  registerCancelJob(app);
  registerPauseJob(app);
  registerResumeJob(app);
  registerRetryFailedJob(app);
  registerAdminJobs(app);

  // Saved contexts (issue #15)
  registerListContexts(app);
  registerCreateContext(app);
  registerUpdateContext(app);
  registerDeleteContext(app);

  // Billing (issue #5)
  registerBillingPlans(app);
  registerBillingCheckout(app);
  registerBillingPortal(app);
  registerBillingSubscription(app);
  registerStripeWebhook(app);
}
