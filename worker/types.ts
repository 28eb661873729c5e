import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "./config";
import type { User } from "./db/schema";
import type { Logger } from "./lib/logger";

/** Scopes an API key can carry; a browser or JWT session has all of them. */
export const API_SCOPES = [
  "uploads:read",
  "uploads:write",
  "jobs:read",
  "jobs:write",
  "credits:read",
  "billing:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface AuthContext {
  user: User;
  via: "jwt" | "cookie" | "api_key";
  apiKeyId?: string;
  scopes: readonly ApiScope[];
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** The Worker's configuration, parsed once per request by requestContext (worker/config.ts). */
    config: Config;
    log: Logger;
    auth: AuthContext;
  };
}

export type App = OpenAPIHono<AppEnv>;
