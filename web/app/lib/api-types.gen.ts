/**
 * Generated from the API Worker's /openapi.json by `npm run gen:api` (openapi-typescript). Do not edit:
 * change the route schemas under worker/routes/ and regenerate; a stale copy fails npm test.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks D1, R2 and the queue for real */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (plan free; 500 credits once the address is verified) and mail the verification link */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for a new pair (the old one dies; reuse revokes the family) */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a session: its refresh-token family is revoked */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user with their credits */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the signed-in user's name (null clears it) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an address with the token from its email (single use, 24 h); grants the free credits once */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a new verification link to the signed-in user's address (rate-limited) */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password-reset link (202 whether or not the address has an account) */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token from the reset email (single use, 1 h); every session ends */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; every refresh token is revoked (log in again with the new one) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the address: a link goes to the new one, a notice to the old; it switches when the link is followed */
        post: operations["changeEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which notification emails the user gets */
        get: operations["getNotificationSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Turn notification emails on or off (kinds left out stay as they are) */
        patch: operations["updateNotificationSettings"];
        trace?: never;
    };
    "/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn one kind of notification email off with the signed token from its link (no login) */
        post: operations["unsubscribeNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List active API keys (never their secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key (the secret is shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; it stops working at once */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The secret that signs outbound job webhooks */
        get: operations["getWebhookSecret"];
        put?: never;
        /** Rotate the webhook signing secret */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything stored about the user, as JSON */
        get: operations["exportAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long uploaded files and job results are kept */
        get: operations["getRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Keep files and results for fewer days than the service's maximum */
        patch: operations["updateRetention"];
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the account with its files, jobs and keys */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance, held credits and the ledger, newest first */
        get: operations["getCredits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users with plan and balance (admins only) */
        get: operations["listAdminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant (or remove) credits with a reason (admins only) */
        post: operations["grantAdminCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List uploads, newest first */
        get: operations["listUploads"];
        put?: never;
        /**
         * Upload a prospect list (CSV, TSV or XLSX), streamed to storage and checked
         * @description The file is the raw body (name in `?filename=`) or the `file` field of multipart/form-data. Encoding, delimiter, header row and a column mapping are detected; every row is counted.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one upload */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        /** Delete an upload and its stored files */
        delete: operations["deleteUpload"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mapping-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List saved mapping profiles, newest first */
        get: operations["listMappingProfiles"];
        put?: never;
        /** Save a column mapping to reuse on later uploads */
        post: operations["createMappingProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mapping-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a mapping profile */
        delete: operations["deleteMappingProfile"];
        options?: never;
        head?: never;
        /** Rename a mapping profile or replace its mapping */
        patch: operations["updateMappingProfile"];
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's jobs, newest first (counters as of the last few seconds) */
        get: operations["listJobs"];
        put?: never;
        /** Preview a few rows now (free) or start a full job (credits held up front) */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job, live from its room (rows/s and ETA while it runs) */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rows with their input, line, status and review, filtered by status or searched by name and company */
        get: operations["listJobRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/rows/{row}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a row's line (any of its variants) or mark it approved or rejected */
        patch: operations["updateJobRow"];
        trace?: never;
    };
    "/v1/jobs/{id}/rows/{row}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write new lines (every variant) for one row of a finished job (1 credit per line that passes the checks, free when none does) */
        post: operations["regenerateJobRow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/output": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The list with personalized_line and line_status (your edits applied; with include=evidence, the evidence each line rests on), as CSV (UTF-8 BOM, CRLF) or XLSX, streamed */
        get: operations["downloadJobOutput"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use, 60-second ticket for the job's WebSocket (browsers cannot send headers there) */
        post: operations["createJobTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WebSocket: a snapshot of the job, then progress and status messages (≤ ~10/s) */
        get: operations["streamJobEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: no LLM call starts after this; generated rows are charged, the rest of the hold goes back */
        post: operations["cancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: running chunks stop before their next LLM call; resume goes on where it stopped */
        post: operations["pauseJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused job (optionally with a higher maxCredits); 402 when it has no credits to go on */
        post: operations["resumeJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/retry-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the failed rows of a finished job again (their credits are held first) */
        post: operations["retryFailedJobRows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs across users, newest first, filtered by status and user (admins only) */
        get: operations["listAdminJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contexts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List saved contexts, newest first */
        get: operations["listContexts"];
        put?: never;
        /** Save a context (what you sell, tone, language, length, instructions, research) by name */
        post: operations["createContext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contexts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved context (jobs that used it keep their own copy) */
        delete: operations["deleteContext"];
        options?: never;
        head?: never;
        /** Rename a saved context or change its fields */
        patch: operations["updateContext"];
        trace?: never;
    };
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook deliveries of the last 30 days, newest first, with their status and last answer */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed webhook.test event now, to check an endpoint and its signature check */
        post: operations["sendWebhookTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook delivery */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now: the same body and Openline-Delivery id, signed with a fresh timestamp */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans and credit packs with their credits and prices (public) */
        get: operations["listBillingPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a Stripe Checkout for a plan or credit packs; answers the page to send the user to */
        post: operations["createBillingCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the Stripe customer portal (change or cancel the plan, invoices, payment methods) */
        post: operations["createBillingPortal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's plan and its Stripe subscription state */
        get: operations["getBillingSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe events (signature checked on the raw body; each event applied once)
         * @description Called by Stripe, not by clients. The body is read raw (not parsed) because the `Stripe-Signature` HMAC covers its exact bytes.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            checks: {
                /** @enum {string} */
                db: "ok" | "error";
                /** @enum {string} */
                storage: "ok" | "error";
                /** @enum {string} */
                queue: "ok" | "error";
            };
        };
        Session: {
            user: components["schemas"]["User"];
            accessToken: string;
            refreshToken: string;
            /** @example 900 */
            expiresIn: number;
        };
        User: {
            /** @example usr_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            email: string;
            name: string | null;
            /** @description The address's link was followed; full runs, the free credits and admin wait for it. */
            emailVerified: boolean;
            /** @enum {string} */
            plan: "free" | "starter" | "growth" | "pro";
            /** @enum {string} */
            role: "user" | "admin";
            createdAt: string;
        };
        Error: {
            error: {
                /** @example invalid_request */
                code: string;
                message: string;
                details: {
                    [key: string]: unknown;
                };
            };
        };
        SignupRequest: {
            /**
             * Format: email
             * @example ann@acme.com
             */
            email: string;
            /** @example correct horse battery */
            password: string;
            name?: string;
        };
        LoginRequest: {
            /**
             * Format: email
             * @example ann@acme.com
             */
            email: string;
            password: string;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        LogoutRequest: {
            refreshToken: string;
        };
        Me: components["schemas"]["User"] & {
            credits: {
                balance: number;
                held: number;
            };
        };
        UpdateMeRequest: {
            name: string | null;
        };
        VerifyEmailRequest: {
            token: string;
        };
        PasswordResetRequest: {
            /**
             * Format: email
             * @example ann@acme.com
             */
            email: string;
        };
        PasswordResetConfirmRequest: {
            token: string;
            /** @example correct horse battery */
            password: string;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            /** @example correct horse battery */
            newPassword: string;
        };
        ChangeEmailRequest: {
            /**
             * Format: email
             * @example ann@acme.com
             */
            email: string;
            password: string;
        };
        NotificationSettings: {
            jobFinished: boolean;
            jobFailed: boolean;
            jobPaused: boolean;
            creditsLow: boolean;
        };
        NotificationSettingsUpdate: {
            jobFinished?: boolean;
            jobFailed?: boolean;
            jobPaused?: boolean;
            creditsLow?: boolean;
        };
        Unsubscribed: {
            /** @enum {string} */
            kind: "jobFinished" | "jobFailed" | "jobPaused" | "creditsLow";
            /** @enum {boolean} */
            enabled: false;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The secret, shown this once only */
            key: string;
        };
        ApiKey: {
            /** @example key_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            name: string;
            /** @example olk_3fA9xQ2b */
            prefix: string;
            scopes: ("uploads:read" | "uploads:write" | "jobs:read" | "jobs:write" | "credits:read" | "billing:write")[];
            lastUsedAt: string | null;
            createdAt: string;
        };
        CreateApiKeyRequest: {
            name: string;
            scopes?: ("uploads:read" | "uploads:write" | "jobs:read" | "jobs:write" | "credits:read" | "billing:write")[];
        };
        WebhookSecret: {
            /** @example whsec_… */
            secret: string;
        };
        AccountExport: {
            [key: string]: unknown;
        };
        Retention: {
            /** @description Days uploaded files and job results are kept */
            days: number;
            /** @description RETENTION_DAYS: the most this service keeps them */
            maxDays: number;
        };
        RetentionRequest: {
            days: number;
        };
        DeleteAccountRequest: {
            password: string;
        };
        Credits: {
            balance: number;
            held: number;
            ledger: {
                data: components["schemas"]["LedgerEntry"][];
                nextCursor: string | null;
            };
        };
        LedgerEntry: {
            /** @example led_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            delta: number;
            /** @enum {string} */
            reason: "signup" | "plan" | "renewal" | "pack" | "admin" | "job_charge" | "refund";
            jobId: string | null;
            note: string | null;
            createdAt: string;
            /** @description The file of the entry's job, when it has one */
            filename?: string | null;
        };
        AdminUser: components["schemas"]["User"] & {
            /** @enum {string} */
            planStatus: "active" | "past_due" | "canceled";
            credits: {
                balance: number;
                held: number;
            };
        };
        AdminGrantRequest: {
            delta: number;
            reason: string;
        };
        Upload: {
            /** @example upl_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            /** @example leads.csv */
            filename: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            sizeBytes: number;
            /**
             * @description utf-8, utf-16le, utf-16be or windows-1252 (XLSX: utf-8)
             * @example utf-8
             */
            encoding: string | null;
            /**
             * @description `,` `;` `\t` or `|`; null for XLSX
             * @example ,
             */
            delimiter: string | null;
            /** @description 1-based line (CSV) or sheet row (XLSX) of the header; 0 when the file has none */
            headerRow: number;
            /** @description XLSX: the sheet read */
            sheetName: string | null;
            columns: string[];
            /** @description Data rows (blank lines are not counted) */
            rowCount: number;
            /** @description The first 5 data rows (long cells shortened with …; at most 1,000 characters, fewer in files with over 40 columns) */
            sampleRows: {
                [key: string]: string;
            }[];
            suggestedMapping: components["schemas"]["Mapping"];
            /** @description The saved mapping profile suggestedMapping comes from, if one fits */
            suggestedProfile: {
                id: string;
                name: string;
            } | null;
            warnings: components["schemas"]["UploadWarning"][];
            createdAt: string;
        };
        /**
         * @description Mapping field → column name of the upload
         * @example {
         *       "first_name": "First Name",
         *       "company": "Company Name",
         *       "title": "Job Title"
         *     }
         */
        Mapping: {
            first_name?: string;
            last_name?: string;
            full_name?: string;
            company?: string;
            title?: string;
            email?: string;
            website?: string;
            linkedin_url?: string;
            industry?: string;
            company_size?: string;
            location?: string;
            description?: string;
        };
        UploadWarning: {
            /** @example duplicate_rows */
            code: string;
            message: string;
            /** @description Data rows concerned (row 1 is the first row under the header), at most 100 */
            rows: number[];
            /** @description How many rows are concerned in all */
            count: number;
        };
        MappingProfile: {
            /** @example map_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            /** @example Apollo export */
            name: string;
            mapping: components["schemas"]["Mapping"];
            createdAt: string;
            updatedAt: string;
        };
        CreateMappingProfileRequest: {
            name: string;
            /**
             * @example {
             *       "first_name": "First Name",
             *       "company": "Company Name",
             *       "title": "Job Title"
             *     }
             */
            mapping: {
                first_name?: string;
                last_name?: string;
                full_name?: string;
                company?: string;
                title?: string;
                email?: string;
                website?: string;
                linkedin_url?: string;
                industry?: string;
                company_size?: string;
                location?: string;
                description?: string;
            };
        };
        UpdateMappingProfileRequest: {
            name?: string;
            /**
             * @example {
             *       "first_name": "First Name",
             *       "company": "Company Name",
             *       "title": "Job Title"
             *     }
             */
            mapping?: {
                first_name?: string;
                last_name?: string;
                full_name?: string;
                company?: string;
                title?: string;
                email?: string;
                website?: string;
                linkedin_url?: string;
                industry?: string;
                company_size?: string;
                location?: string;
                description?: string;
            };
        };
        PreviewJob: components["schemas"]["Job"] & {
            results: {
                /** @description 1-based data row number */
                row: number;
                input: {
                    [key: string]: string;
                };
                line: string | null;
                /** @description Every line of the row, one per passing variant; `line` is the first (empty when none) */
                lines?: string[];
                /** @enum {string} */
                status: "pending" | "generated" | "failed" | "skipped";
                reason?: string;
                evidence?: components["schemas"]["Evidence"][];
                /** @description The line is the user's own edit (exported with line_status `edited`) */
                edited?: boolean;
                /**
                 * @description The user's review mark
                 * @enum {string|null}
                 */
                review?: "approved" | "rejected" | null;
                /**
                 * @description When the job researches websites: `ok`, or why the line rests on the row's own facts only
                 * @enum {string}
                 */
                research?: "ok" | "no_domain" | "unreachable" | "timeout" | "blocked_by_robots" | "not_html" | "too_large" | "refused" | "http_error" | "too_many_redirects" | "no_text" | "over_budget";
            }[];
        };
        Evidence: {
            /** @description The row field (or `service`, or a researched source) the fact comes from */
            field: string;
            /** @description The words quoted from it */
            value: string;
            /** @description Where a researched fact was read */
            url?: string;
        };
        Job: {
            /** @example job_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            uploadId: string;
            /** @enum {string} */
            mode: "preview" | "full";
            /** @enum {string} */
            status: "queued" | "running" | "paused" | "succeeded" | "failed" | "canceled";
            /**
             * @description Why a paused job is paused
             * @enum {string|null}
             */
            pauseReason: "user" | "budget" | null;
            total: number;
            processed: number;
            succeeded: number;
            failed: number;
            creditsHeld: number;
            creditsCharged: number;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            error: {
                code: string;
                message: string;
            } | null;
            maxCredits: number | null;
            webhookUrl: string | null;
            mapping: {
                [key: string]: string;
            };
            extraColumns: string[];
            context: {
                [key: string]: unknown;
            };
            rowsPerRequest?: number;
            /** @description Lines per prospect */
            variants?: number;
            model?: string;
            research?: {
                website: boolean;
            };
            rowsPerSecond?: number | null;
            etaSeconds?: number | null;
            /** @description When the retention clean-up deletes this job's files (GET /v1/jobs/{id}) */
            filesExpireAt?: string;
            /** @description When they were deleted: rows and output then answer 410 */
            filesDeletedAt?: string | null;
        };
        CreateJobRequest: {
            uploadId: string;
            /** @enum {string} */
            mode: "preview" | "full";
            /**
             * @example {
             *       "company": "Company Name",
             *       "first_name": "First Name",
             *       "title": "Job Title"
             *     }
             */
            mapping: {
                first_name?: string;
                last_name?: string;
                full_name?: string;
                company?: string;
                title?: string;
                email?: string;
                website?: string;
                linkedin_url?: string;
                industry?: string;
                company_size?: string;
                location?: string;
                description?: string;
            };
            /** @default [] */
            extraColumns?: string[];
            context?: components["schemas"]["JobContextPatch"];
            /** @description A saved context (GET /v1/contexts) that fills `context`; fields given in `context` win */
            contextId?: string;
            /** @default 5 */
            previewRows?: number;
            /** @description Preview only: 2, 3, … when the same preview is written again, asking for other lines than before */
            previewAttempt?: number;
            /** @description Run until this budget (or the balance) is spent, then pause */
            maxCredits?: number;
            /** Format: uri */
            webhookUrl?: string;
            /** @description Prospects per LLM call (default chosen by benchmark) */
            rowsPerRequest?: number;
            research?: components["schemas"]["ResearchOptions"];
            /** @description Lines per prospect (1–3, default 1; a saved context's own wins when absent); credits held: rows × variants */
            variants?: number;
        };
        /** @description Required (with `service`) unless `contextId` names a saved context; tone, language and maxWords default to friendly, en and 25 */
        JobContextPatch: {
            /** @description What the sender sells, in their words */
            service?: string;
            tone?: string;
            /** @description ISO code (en, de, fr, es, pt-BR, …) or a language name */
            language?: string;
            /** @description Lines are between 72% of this and this many words (18–25 by default) */
            maxWords?: number;
            /** @description Extra style wishes; they cannot override the rules */
            instructions?: string;
            /** @description Lines per prospect (1–3, default 1), each checked and charged as a line; exported as personalized_line, _2, _3 */
            variants?: number;
        };
        ResearchOptions: {
            /**
             * @description Read the company's website (mapped `website`, else the work email's domain) and let lines cite it; included in the line's credit
             * @default false
             */
            website?: boolean;
        };
        JobRowsPage: {
            data: components["schemas"]["JobRow"][];
            total: number;
            offset: number;
            limit: number;
            /** @description Offset of the next page; with `status` or `q` it is where the next scan starts (a page may hold fewer than `limit` rows) */
            nextOffset: number | null;
        };
        JobRow: {
            /** @description 1-based data row number */
            row: number;
            input: {
                [key: string]: string;
            };
            line: string | null;
            /** @description Every line of the row, one per passing variant; `line` is the first (empty when none) */
            lines: string[];
            /** @enum {string} */
            status: "pending" | "generated" | "failed" | "skipped";
            reason?: string;
            evidence?: components["schemas"]["Evidence"][];
            /** @description The line is the user's own edit (exported with line_status `edited`) */
            edited: boolean;
            /**
             * @description The user's review mark
             * @enum {string|null}
             */
            review: "approved" | "rejected" | null;
            /**
             * @description When the job researches websites: `ok`, or why the line rests on the row's own facts only
             * @enum {string}
             */
            research?: "ok" | "no_domain" | "unreachable" | "timeout" | "blocked_by_robots" | "not_html" | "too_large" | "refused" | "http_error" | "too_many_redirects" | "no_text" | "over_budget";
        };
        UpdateJobRowRequest: {
            /** @description Your own line (marked `edited`); null goes back to the generated one */
            line?: string | null;
            /**
             * @description Approve or reject the row; null clears the mark
             * @enum {string|null}
             */
            review?: "approved" | "rejected" | null;
            /** @description Which of the row's lines `line` replaces (A/B variants; default 1, at most the job's `variants`) */
            variant?: 1 | 2 | 3;
        };
        RegeneratedJobRow: components["schemas"]["JobRow"] & {
            /** @description What this regeneration did; a failed one leaves the row as it was */
            regeneration: {
                /** @enum {string} */
                status: "generated" | "failed";
                reason?: string;
                /** @description Credits charged: 1 per new line (one per passing variant), 0 when it failed */
                charged: number;
            };
        };
        JobEventsTicket: {
            /** @description Pass as ?ticket= to /v1/jobs/:id/events; works once, for 60 seconds */
            ticket: string;
            expiresAt: string;
        };
        ResumeJobRequest: {
            /** @description A new budget for a job paused at its budget */
            maxCredits?: number;
        };
        AdminJob: components["schemas"]["Job"] & {
            userId: string;
            userEmail: string | null;
        };
        SavedContext: {
            /** @example ctx_0196a3f2c1d4e5f6a7b8c9d0 */
            id: string;
            /** @example Dental clinics, friendly */
            name: string;
            service: string;
            tone?: string;
            language?: string;
            maxWords?: number;
            instructions?: string;
            /** @description Read the company's website for facts */
            research?: {
                website: boolean;
            };
            variants?: number;
            /** @description When a job last used it (the wizard prefills the latest) */
            lastUsedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        CreateContextRequest: {
            name: string;
            /** @description What the sender sells, in their words */
            service: string;
            tone?: string;
            /** @description ISO code (en, de, fr, es, pt-BR, …) or a language name */
            language?: string;
            /** @description Lines are between 72% of this and this many words (18–25 by default) */
            maxWords?: number;
            /** @description Extra style wishes; they cannot override the rules */
            instructions?: string;
            /** @description Read the company's website for facts */
            research?: {
                website: boolean;
            };
            /** @description Lines per prospect (1–3, default 1), each checked and charged as a line; exported as personalized_line, _2, _3 */
            variants?: number;
        };
        UpdateContextRequest: {
            name?: string;
            /** @description What the sender sells, in their words */
            service?: string;
            tone?: string;
            /** @description ISO code (en, de, fr, es, pt-BR, …) or a language name */
            language?: string;
            /** @description Lines are between 72% of this and this many words (18–25 by default) */
            maxWords?: number;
            /** @description Extra style wishes; they cannot override the rules */
            instructions?: string;
            /** @description Read the company's website for facts */
            research?: {
                website: boolean;
            };
            /** @description Lines per prospect (1–3, default 1), each checked and charged as a line; exported as personalized_line, _2, _3 */
            variants?: number;
        };
        WebhookDelivery: {
            /**
             * @description The `Openline-Delivery` header the receiver saw
             * @example whd_0196a3f2c1d4e5f6a7b8c9d0_1
             */
            id: string;
            /**
             * @description job.succeeded, job.failed, job.paused or webhook.test
             * @example job.succeeded
             */
            event: string;
            jobId: string | null;
            /** @example crm.acme.example */
            urlHost: string;
            /**
             * @description retrying: the queue sends it again at nextRetryAt; failed: no retry is coming
             * @enum {string}
             */
            status: "delivered" | "retrying" | "failed";
            attempts: number;
            /** @description HTTP status of the last attempt; null when it got no answer */
            lastResponseCode: number | null;
            lastError: string | null;
            lastAttemptAt: string;
            nextRetryAt: string | null;
            createdAt: string;
        };
        WebhookTestRequest: {
            /**
             * Format: uri
             * @description Where to send it; default: the URL of your latest delivery
             */
            url?: string;
        };
        BillingCatalogue: {
            currency: string;
            plans: components["schemas"]["Plan"][];
            packs: components["schemas"]["CreditPack"][];
        };
        Plan: {
            /** @enum {string} */
            id: "free" | "starter" | "growth" | "pro";
            name: string;
            /** @description Credits per month (free: once, at signup) */
            credits: number;
            /** @enum {string} */
            interval: "month" | "once";
            price: components["schemas"]["Price"];
            /** @description false when billing is not configured for this item */
            available: boolean;
        };
        Price: {
            /**
             * @description Minor units (cents)
             * @example 1900
             */
            amount: number;
            /** @example usd */
            currency: string;
        } | null;
        CreditPack: {
            /** @enum {string} */
            id: "credits";
            name: string;
            /** @description Credits per unit */
            credits: number;
            price: components["schemas"]["Price"] & unknown;
            available: boolean;
            minQuantity: number;
            maxQuantity: number;
        };
        RedirectUrl: {
            /** Format: uri */
            url: string;
        };
        /**
         * @example {
         *       "pack": "credits",
         *       "quantity": 5
         *     }
         */
        CheckoutRequest: {
            /**
             * @description A paid plan (a monthly subscription)
             * @enum {string}
             */
            plan?: "starter" | "growth" | "pro";
            /**
             * @description A credit pack (a one-time payment)
             * @enum {string}
             */
            pack?: "credits";
            /** @description Number of packs (with `pack` only) */
            quantity?: number;
        };
        BillingSubscription: {
            /** @enum {string} */
            plan: "free" | "starter" | "growth" | "pro";
            /**
             * @description `past_due`: the last renewal failed (credits are kept); `canceled`: the paid plan ended
             * @enum {string}
             */
            status: "active" | "past_due" | "canceled";
            monthlyCredits: number;
            currentPeriodEnd: string | null;
            /** @description The plan goes back to free at currentPeriodEnd */
            cancelAtPeriodEnd: boolean;
        };
        StripeWebhookReceived: {
            /** @enum {boolean} */
            received: true;
            eventId: string;
            /** @enum {string} */
            outcome: "applied" | "ignored" | "duplicate";
            detail: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Something is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ann@acme.example",
                 *       "password": "correct horse battery staple",
                 *       "name": "Ann"
                 *     }
                 */
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            /** @description The new account with its first session */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "usr_0196a3f2c1d4e5f6a7b8c9d0",
                     *         "email": "ann@acme.example",
                     *         "name": "Ann",
                     *         "emailVerified": true,
                     *         "plan": "free",
                     *         "role": "user",
                     *         "createdAt": "2026-11-22T10:15:00.000Z"
                     *       },
                     *       "accessToken": "eyJhbGciOiJIUzI1NiJ9.…",
                     *       "refreshToken": "rt_9f8e7d6c5b4a…",
                     *       "expiresIn": 900
                     *     }
                     */
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ann@acme.example",
                 *       "password": "correct horse battery staple"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A new session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "usr_0196a3f2c1d4e5f6a7b8c9d0",
                     *         "email": "ann@acme.example",
                     *         "name": "Ann",
                     *         "emailVerified": true,
                     *         "plan": "free",
                     *         "role": "user",
                     *         "createdAt": "2026-11-22T10:15:00.000Z"
                     *       },
                     *       "accessToken": "eyJhbGciOiJIUzI1NiJ9.…",
                     *       "refreshToken": "rt_9f8e7d6c5b4a…",
                     *       "expiresIn": 900
                     *     }
                     */
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new token pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailRequest"];
            };
        };
        responses: {
            /** @description The user, verified (with the new address after a change) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description If the address has an account, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequest"];
            };
        };
        responses: {
            /** @description Password changed; every refresh token of the user is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed; other sessions end at their next refresh */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. / Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailRequest"];
            };
        };
        responses: {
            /** @description The verification link is on its way to the new address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. / Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsUpdate"];
            };
        };
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unsubscribeNotification: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description That kind is off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unsubscribed"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyRequest"];
            };
        };
        responses: {
            /** @description The key, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecret"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's data: records, each upload with its file as uploaded (`original`, base64) and each job with its lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountExport"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The retention */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionRequest"];
            };
        };
        responses: {
            /** @description The new retention */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. / Wrong email or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description service_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCredits: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Credits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credits"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAdminUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                email?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdminUser"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantAdminCredits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminGrantRequest"];
            };
        };
        responses: {
            /** @description The ledger entry and the new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entry: components["schemas"]["LedgerEntry"];
                        balance: number;
                        held: number;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough credits. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUploads: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of uploads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Upload"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: {
                filename?: string;
                /** @description XLSX: sheet name or 1-based position (default: the first sheet with data) */
                sheet?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": Blob | string;
                "text/plain": Blob | string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob | string;
                "application/octet-stream": Blob | string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: Blob | string;
                    sheet?: string;
                };
            };
        };
        responses: {
            /** @description The upload, with what was found in it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "upl_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "filename": "leads.csv",
                     *       "format": "csv",
                     *       "sizeBytes": 9638,
                     *       "encoding": "utf-8",
                     *       "delimiter": ",",
                     *       "headerRow": 1,
                     *       "sheetName": null,
                     *       "columns": [
                     *         "First Name",
                     *         "Company Name",
                     *         "Job Title"
                     *       ],
                     *       "rowCount": 50,
                     *       "sampleRows": [
                     *         {
                     *           "First Name": "Ann",
                     *           "Company Name": "Acme",
                     *           "Job Title": "CEO"
                     *         }
                     *       ],
                     *       "suggestedMapping": {
                     *         "first_name": "First Name",
                     *         "company": "Company Name",
                     *         "title": "Job Title"
                     *       },
                     *       "suggestedProfile": null,
                     *       "warnings": [
                     *         {
                     *           "code": "duplicate_rows",
                     *           "message": "2 rows share an email address",
                     *           "rows": [
                     *             3,
                     *             4
                     *           ],
                     *           "count": 2
                     *         }
                     *       ],
                     *       "createdAt": "2026-11-22T10:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description file_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_file_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unparseable_file */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its files */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMappingProfiles: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of profiles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MappingProfile"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMappingProfileRequest"];
            };
        };
        responses: {
            /** @description The saved profile */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfile"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMappingProfileRequest"];
            };
        };
        responses: {
            /** @description The updated profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingProfile"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "queued" | "running" | "paused" | "succeeded" | "failed" | "canceled";
                mode?: "preview" | "full";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Job"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "uploadId": "upl_0196a3f2c1d4e5f6a7b8c9d0",
                 *       "mode": "full",
                 *       "mapping": {
                 *         "company": "Company Name",
                 *         "first_name": "First Name",
                 *         "title": "Job Title"
                 *       },
                 *       "context": {
                 *         "service": "We run outbound campaigns for B2B SaaS teams",
                 *         "tone": "friendly",
                 *         "language": "en",
                 *         "maxWords": 25
                 *       },
                 *       "maxCredits": 1000,
                 *       "webhookUrl": "https://crm.acme.example/hooks/openline"
                 *     }
                 */
                "application/json": components["schemas"]["CreateJobRequest"];
            };
        };
        responses: {
            /** @description Preview: the job with its results inline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "uploadId": "upl_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "mode": "preview",
                     *       "status": "succeeded",
                     *       "pauseReason": null,
                     *       "total": 1,
                     *       "processed": 1,
                     *       "succeeded": 1,
                     *       "failed": 0,
                     *       "creditsHeld": 0,
                     *       "creditsCharged": 0,
                     *       "createdAt": "2026-11-22T10:15:00.000Z",
                     *       "startedAt": null,
                     *       "finishedAt": null,
                     *       "error": null,
                     *       "maxCredits": 1000,
                     *       "webhookUrl": "https://crm.acme.example/hooks/openline",
                     *       "mapping": {
                     *         "company": "Company Name",
                     *         "first_name": "First Name",
                     *         "title": "Job Title"
                     *       },
                     *       "extraColumns": [],
                     *       "context": {
                     *         "service": "We run outbound campaigns for B2B SaaS teams",
                     *         "tone": "friendly",
                     *         "language": "en",
                     *         "maxWords": 25
                     *       },
                     *       "results": [
                     *         {
                     *           "row": 1,
                     *           "input": {
                     *             "First Name": "Ann",
                     *             "Company Name": "Acme",
                     *             "Job Title": "CEO"
                     *           },
                     *           "line": "Ann, running Acme as CEO means every outbound hour counts.",
                     *           "lines": [
                     *             "Ann, running Acme as CEO means every outbound hour counts."
                     *           ],
                     *           "status": "generated",
                     *           "evidence": [
                     *             {
                     *               "field": "title",
                     *               "value": "CEO"
                     *             }
                     *           ],
                     *           "edited": false,
                     *           "review": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PreviewJob"];
                };
            };
            /** @description Full job: queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "uploadId": "upl_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "mode": "full",
                     *       "status": "queued",
                     *       "pauseReason": null,
                     *       "total": 50,
                     *       "processed": 0,
                     *       "succeeded": 0,
                     *       "failed": 0,
                     *       "creditsHeld": 50,
                     *       "creditsCharged": 0,
                     *       "createdAt": "2026-11-22T10:15:00.000Z",
                     *       "startedAt": null,
                     *       "finishedAt": null,
                     *       "error": null,
                     *       "maxCredits": 1000,
                     *       "webhookUrl": "https://crm.acme.example/hooks/openline",
                     *       "mapping": {
                     *         "company": "Company Name",
                     *         "first_name": "First Name",
                     *         "title": "Job Title"
                     *       },
                     *       "extraColumns": [],
                     *       "context": {
                     *         "service": "We run outbound campaigns for B2B SaaS teams",
                     *         "tone": "friendly",
                     *         "language": "en",
                     *         "maxWords": 25
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough credits. / Credits are owed (refunded or disputed after they were spent); buy credits first. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. / The account's email address is not verified yet (full runs and admin need it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "uploadId": "upl_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "mode": "full",
                     *       "status": "queued",
                     *       "pauseReason": null,
                     *       "total": 50,
                     *       "processed": 0,
                     *       "succeeded": 0,
                     *       "failed": 0,
                     *       "creditsHeld": 50,
                     *       "creditsCharged": 0,
                     *       "createdAt": "2026-11-22T10:15:00.000Z",
                     *       "startedAt": null,
                     *       "finishedAt": null,
                     *       "error": null,
                     *       "maxCredits": 1000,
                     *       "webhookUrl": "https://crm.acme.example/hooks/openline",
                     *       "mapping": {
                     *         "company": "Company Name",
                     *         "first_name": "First Name",
                     *         "title": "Job Title"
                     *       },
                     *       "extraColumns": [],
                     *       "context": {
                     *         "service": "We run outbound campaigns for B2B SaaS teams",
                     *         "tone": "friendly",
                     *         "language": "en",
                     *         "maxWords": 25
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobRows: {
        parameters: {
            query?: {
                /** @description Rows to skip (0 = from the first row) */
                offset?: number | null;
                limit?: number;
                /** @description Only rows generated (not edited), failed, edited, approved or rejected */
                status?: "generated" | "failed" | "edited" | "approved" | "rejected";
                /** @description Words to find in the prospect's name and company */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "row": 1,
                     *           "input": {
                     *             "First Name": "Ann",
                     *             "Company Name": "Acme",
                     *             "Job Title": "CEO"
                     *           },
                     *           "line": "Ann, running Acme as CEO means every outbound hour counts.",
                     *           "lines": [
                     *             "Ann, running Acme as CEO means every outbound hour counts."
                     *           ],
                     *           "status": "generated",
                     *           "evidence": [
                     *             {
                     *               "field": "title",
                     *               "value": "CEO"
                     *             }
                     *           ],
                     *           "edited": false,
                     *           "review": null
                     *         }
                     *       ],
                     *       "total": 50,
                     *       "offset": 0,
                     *       "limit": 50,
                     *       "nextOffset": null
                     *     }
                     */
                    "application/json": components["schemas"]["JobRowsPage"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The job's files were deleted after the retention period. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateJobRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description 1-based data row number */
                row: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateJobRowRequest"];
            };
        };
        responses: {
            /** @description The row as it now reads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRow"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The job's files were deleted after the retention period. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    regenerateJobRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description 1-based data row number */
                row: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The row, with a new line when the regeneration passed the checks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegeneratedJobRow"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough credits. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The job's files were deleted after the retention period. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadJobOutput: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                /** @description `approved`: only the rows you approved */
                review?: "approved";
                /** @description `evidence` adds an evidence column: the fields and words each line rests on */
                include?: "evidence";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob | string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob | string;
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The job's files were deleted after the retention period. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createJobTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobEventsTicket"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamJobEvents: {
        parameters: {
            query?: {
                ticket?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to the WebSocket */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResumeJobRequest"];
            };
        };
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough credits. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryFailedJobRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job, queued again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough credits. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAdminJobs: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "queued" | "running" | "paused" | "succeeded" | "failed" | "canceled";
                mode?: "preview" | "full";
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdminJob"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listContexts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of saved contexts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SavedContext"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createContext: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContextRequest"];
            };
        };
        responses: {
            /** @description The saved context */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedContext"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateContext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContextRequest"];
            };
        };
        responses: {
            /** @description The updated context */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedContext"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "whd_0196a3f2c1d4e5f6a7b8c9d0_1",
                     *           "event": "job.succeeded",
                     *           "jobId": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *           "urlHost": "crm.acme.example",
                     *           "status": "retrying",
                     *           "attempts": 2,
                     *           "lastResponseCode": 503,
                     *           "lastError": "answered 503",
                     *           "lastAttemptAt": "2026-11-22T10:15:40.000Z",
                     *           "nextRetryAt": "2026-11-22T10:18:20.000Z",
                     *           "createdAt": "2026-11-22T10:15:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendWebhookTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://crm.acme.example/hooks/openline"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookTestRequest"];
            };
        };
        responses: {
            /** @description The test delivery with its outcome */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_test_19ab2c3d4e5f6a7b8c9d0e1f2",
                     *       "event": "webhook.test",
                     *       "jobId": null,
                     *       "urlHost": "crm.acme.example",
                     *       "status": "delivered",
                     *       "attempts": 1,
                     *       "lastResponseCode": 200,
                     *       "lastError": null,
                     *       "lastAttemptAt": "2026-11-22T10:15:40.000Z",
                     *       "nextRetryAt": null,
                     *       "createdAt": "2026-11-22T10:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_0196a3f2c1d4e5f6a7b8c9d0_1",
                     *       "event": "job.succeeded",
                     *       "jobId": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "urlHost": "crm.acme.example",
                     *       "status": "retrying",
                     *       "attempts": 2,
                     *       "lastResponseCode": 503,
                     *       "lastError": "answered 503",
                     *       "lastAttemptAt": "2026-11-22T10:15:40.000Z",
                     *       "nextRetryAt": "2026-11-22T10:18:20.000Z",
                     *       "createdAt": "2026-11-22T10:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery with this attempt's outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_0196a3f2c1d4e5f6a7b8c9d0_1",
                     *       "event": "job.succeeded",
                     *       "jobId": "job_0196a3f2c1d4e5f6a7b8c9d0",
                     *       "urlHost": "crm.acme.example",
                     *       "status": "delivered",
                     *       "attempts": 3,
                     *       "lastResponseCode": 200,
                     *       "lastError": null,
                     *       "lastAttemptAt": "2026-11-22T10:15:40.000Z",
                     *       "nextRetryAt": null,
                     *       "createdAt": "2026-11-22T10:15:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or it belongs to someone else). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBillingPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingCatalogue"];
                };
            };
        };
    };
    createBillingCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutRequest"];
            };
        };
        responses: {
            /** @description The Stripe Checkout page */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrl"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description service_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createBillingPortal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portal page */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedirectUrl"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    /** @description IETF draft: each limit of the route, `"name";q=<quota>;w=<window seconds>` */
                    "RateLimit-Policy"?: string;
                    /** @description IETF draft: each limit's state, `"name";r=<remaining>;t=<seconds to reset>` */
                    RateLimit?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description service_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBillingSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingSubscription"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authenticated but not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Received (applied, ignored, or already applied) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StripeWebhookReceived"];
                };
            };
            /** @description The request is malformed or fails validation (zod issues in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description service_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
