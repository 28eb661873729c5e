import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, MAX_ERROR_TEXT } from "../../../worker/lib/logger";

describe("logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one JSON line with the base fields, and drops levels below the minimum", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const log = createLogger({ requestId: "req_1" }, "info").child({ userId: "usr_1" });
    log.debug("hidden");
    log.info("shown", { rows: 3 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", msg: "shown", requestId: "req_1", userId: "usr_1", rows: 3 });
  });

  it("cuts an error's huge message (a failed query with its parameters) and keeps its cause", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const cause = new Error("D1_ERROR: string or blob too big: SQLITE_TOOBIG");
    const error = new Error(`Failed query: update "idempotency_keys" set "response_body" = ? params: ${"x".repeat(5_000_000)}`, { cause });
    createLogger().error("unhandled error", { error });
    expect(lines[0]!.length).toBeLessThan(4 * MAX_ERROR_TEXT + 1000);
    const logged = JSON.parse(lines[0]!).error;
    expect(logged.message).toMatch(/^Failed query: update "idempotency_keys"/);
    expect(logged.message).toMatch(/… \(\d+ characters\)$/);
    expect(logged.cause.message).toBe("D1_ERROR: string or blob too big: SQLITE_TOOBIG");
  });
});
