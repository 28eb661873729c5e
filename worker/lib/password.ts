import { timingSafeEqual } from "./crypto";

/**
 * PBKDF2-SHA256 through WebCrypto. 100,000 iterations is the most the production Workers runtime
 * allows (local workerd has no cap), see docs/decisions/005-password-hashing.md.
 * Stored as `pbkdf2_sha256$<iterations>$<salt>$<hash>` so the count can change later.
 */
export const PBKDF2_ITERATIONS = 100_000;
const HASH_BYTES = 32;

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2_sha256$${PBKDF2_ITERATIONS}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  const count = Number(iterations);
  if (scheme !== "pbkdf2_sha256" || !salt || !hash) return false;
  // A stored count outside what production accepts would throw there: treat it as no match.
  if (!Number.isInteger(count) || count < 1 || count > PBKDF2_ITERATIONS) return false;
  const actual = await derive(password, unb64(salt), count);
  return timingSafeEqual(actual, unb64(hash));
}

/** A hash of a random password, verified against when the email is unknown so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
