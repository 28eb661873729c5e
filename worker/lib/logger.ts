/** Structured JSON log lines; every line of a request carries its request id. */
type Level = "debug" | "info" | "warn" | "error";
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(base: Record<string, unknown> = {}, minLevel: Level = "info"): Logger {
  const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (rank[level] < rank[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields }, errorReplacer);
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, minLevel),
  };
}

/** Characters kept of an error's message or stack: a failed query's message carries its parameters (megabytes at times). */
export const MAX_ERROR_TEXT = 2000;

const clip = (text: string | undefined) => (text !== undefined && text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}… (${text.length} characters)` : text);

/**
 * A failed query's message (drizzle: `Failed query: <sql>\nparams: <values>`) names its bound values:
 * emails, password hashes, webhook secrets, sample rows. The SQL stays (it says what failed); the
 * values go (ADR 068).
 */
export function redactQueryParams(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
}

/** Errors as JSON, with their cause (which is where D1 says why a query failed), query values redacted. */
function errorReplacer(_key: string, value: unknown) {
  if (!(value instanceof Error)) return value;
  return {
    name: value.name,
    message: clip(redactQueryParams(value.message)),
    stack: clip(redactQueryParams(value.stack)),
    ...(value.cause !== undefined ? { cause: value.cause } : {}),
  };
}
