import type { App } from "../types";
import { registerDeleteAccount } from "./account/delete";
import { registerAccountExport } from "./account/export";
import { registerWebhookSecret } from "./account/webhook-secret";
import { registerAdminGrantCredits } from "./admin/grant-credits";
import { registerAdminUsers } from "./admin/users";
import { registerCreateApiKey } from "./api-keys/create";
import { registerListApiKeys } from "./api-keys/list";
import { registerRevokeApiKey } from "./api-keys/revoke";
import { registerLogin } from "./auth/login";
import { registerLogout } from "./auth/logout";
import { registerRefresh } from "./auth/refresh";
import { registerSignup } from "./auth/signup";
import { registerCredits } from "./credits";
import { registerDocs } from "./docs";
import { registerHealth } from "./health";
import { registerMe } from "./me";

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
  registerCreateApiKey(app);
  registerListApiKeys(app);
  registerRevokeApiKey(app);
  registerWebhookSecret(app);
  registerAccountExport(app);
  registerDeleteAccount(app);

  // Credits
  registerCredits(app);

  // Admin
  registerAdminUsers(app);
  registerAdminGrantCredits(app);

  // Uploads (issue #3)

  // Jobs (issue #4)

  // Billing (issue #5)
}
