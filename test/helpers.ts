import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { emailsTo, tokenIn, waitForEmail } from "./email";

/** Integration tests go through the Worker's real entry (`exports.default`), like any client. */
export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw body (string/bytes/stream), sent as is. */
  raw?: BodyInit;
  ip?: string;
}

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  if (options.ip) headers.set("CF-Connecting-IP", options.ip);
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.body);
  }
  return exports.default.fetch(new Request(`http://openline.test${path}`, { method, headers, body }));
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Asserts the contract's error shape and returns its body. */
export async function expectError(response: Response, status: number, code: string) {
  const body = await json<{ error: { code: string; message: string; details: Record<string, unknown> } }>(response);
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.details).toBeTypeOf("object");
  return body.error;
}

let counter = 0;
/** A unique email and IP per call, so tests never trip each other's rate limits. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}
export function uniqueIp(): string {
  const n = crypto.getRandomValues(new Uint8Array(3));
  return `10.${n[0]}.${n[1]}.${n[2]}`;
}

export const PASSWORD = "correct horse battery staple";

export interface TestUser {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * A new account, verified by default the way a person does it: the link from the verification email
 * goes to POST /v1/auth/verify-email (which grants the 500 free credits). `verified: false` stops
 * after signup.
 */
export async function signup(options: { email?: string; password?: string; name?: string; verified?: boolean } = {}): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const linksBefore = options.email ? await verificationEmailCount(email) : 0;
  const response = await call("POST", "/v1/auth/signup", {
    body: { email, password: options.password ?? PASSWORD, ...(options.name ? { name: options.name } : {}) },
    ip: uniqueIp(),
  });
  expect(response.status).toBe(201);
  const body = await json(response);
  const user = { id: body.user.id, email, accessToken: body.accessToken, refreshToken: body.refreshToken };
  if (options.verified !== false) await verifyEmail(user.email, linksBefore + 1);
  return user;
}

const VERIFICATION_SUBJECT = /Confirm your email/;
const verificationEmailCount = async (address: string) => (await emailsTo(address.toLowerCase())).filter((e) => VERIFICATION_SUBJECT.test(e.subject)).length;

/** Follows the `nth` verification link sent to the address (by default the newest one). */
export async function verifyEmail(address: string, nth?: number): Promise<void> {
  const email = await waitForEmail(address, VERIFICATION_SUBJECT, nth ?? Math.max(1, await verificationEmailCount(address)));
  const response = await call("POST", "/v1/auth/verify-email", { body: { token: tokenIn(email, "/verify-email") }, ip: uniqueIp() });
  expect(response.status).toBe(200);
}

/** An admin, by the ADMIN_EMAILS configuration of the test Worker. */
export async function signupAdmin(): Promise<TestUser> {
  const response = await call("POST", "/v1/auth/login", {
    body: { email: "admin@openline.test", password: PASSWORD },
    ip: uniqueIp(),
  });
  if (response.status === 200) {
    const body = await json(response);
    return { id: body.user.id, email: body.user.email, accessToken: body.accessToken, refreshToken: body.refreshToken };
  }
  return signup({ email: "admin@openline.test" });
}
