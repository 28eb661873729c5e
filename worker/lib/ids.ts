/** Opaque, sortable ids with a type prefix: `usr_` + 10 hex chars of time + 16 random. */
export type IdPrefix = "usr" | "upl" | "job" | "key" | "led" | "rtk" | "map" | "fam" | "req" | "evt" | "ctx" | "tok";

export function newId(prefix: IdPrefix): string {
  const time = Date.now().toString(16).padStart(12, "0");
  return `${prefix}_${time}${randomHex(8)}`;
}

/** True for a value shaped like `newId(prefix)`'s ids (nothing says it exists). */
export function isIdOf(prefix: IdPrefix, value: string): boolean {
  return value.length === prefix.length + 29 && value.startsWith(`${prefix}_`) && /^[0-9a-f]+$/.test(value.slice(prefix.length + 1));
}

export function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** URL-safe random secret (for API keys and refresh tokens). */
export function randomToken(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
