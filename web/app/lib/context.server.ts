import { createContext } from "react-router";
import type { Me } from "./types";

/** The one binding the web Worker has: the API Worker (see web/wrangler.jsonc). */
export interface ApiBinding {
  fetch(request: Request): Promise<Response>;
}

export interface WebEnv {
  API: ApiBinding;
}

export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Set by the Worker entry (web/workers/app.ts) on every request the router handles. */
export const cloudflareContext = createContext<{ env: WebEnv; ctx: WorkerContext }>();

/** This response's Content-Security-Policy nonce, for the inline scripts React Router renders. */
export const cspNonceContext = createContext<string>("");

/** The browser session as the root middleware resolved it (after a server-side refresh if needed). */
export interface BrowserSession {
  accessToken: string | null;
  csrfToken: string | null;
  /** The signed-in user, read once per request from GET /v1/me. */
  user: Me | null;
  /** There is a session but GET /v1/me could not be read (API down): pages that need the user answer 503. */
  userUnavailable?: boolean;
}

export const sessionContext = createContext<BrowserSession>({ accessToken: null, csrfToken: null, user: null });
