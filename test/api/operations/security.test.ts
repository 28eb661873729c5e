import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { EXAMPLE_JWT_SECRET } from "../../../worker/config";
import { getConfig } from "../../../worker/parse-config";
import { getDb } from "../../../worker/db/client";
import { users } from "../../../worker/db/schema";
import { createLogger } from "../../../worker/lib/logger";
import { call } from "../../helpers";

const configOf = (vars: Record<string, string>) => getConfig(vars as unknown as Env);

describe("placeholder secrets (audit item 14)", () => {
  it("refuses the example JWT_SECRET when APP_URL is not local", () => {
    expect(() => configOf({ JWT_SECRET: EXAMPLE_JWT_SECRET, APP_URL: "https://app.openline.example" })).toThrow(/example value/);
    expect(() => configOf({ JWT_SECRET: EXAMPLE_JWT_SECRET, APP_URL: "https://localhost.evil.example" })).toThrow(/example value/);
  });
  it("accepts it for local runs, and any other secret anywhere", () => {
    expect(configOf({ JWT_SECRET: EXAMPLE_JWT_SECRET, APP_URL: "http://localhost:8787" }).JWT_SECRET).toBe(EXAMPLE_JWT_SECRET);
    expect(configOf({ JWT_SECRET: EXAMPLE_JWT_SECRET }).APP_URL).toBe("http://localhost:8787");
    expect(configOf({ JWT_SECRET: "x".repeat(40), APP_URL: "https://app.openline.example" }).APP_URL).toBe("https://app.openline.example");
  });
});

describe("logs keep PII and secrets out (audit item 9)", () => {
  it("an unhandled D1 error is logged with its SQL but not its parameters", async () => {
    const email = `${crypto.randomUUID()}@secret.example`;
    const row = { id: `usr_${crypto.randomUUID()}`, email, passwordHash: "pbkdf2$HASH_VALUE", webhookSecret: "whsec_SECRET_VALUE" };
    await getDb(env).insert(users).values(row);
    const failure = await getDb(env)
      .insert(users)
      .values(row)
      .then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    try {
      createLogger({}, "info").error("unhandled error", { error: failure });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("insert into");
    for (const secret of [email, "HASH_VALUE", "whsec_SECRET_VALUE"]) expect(lines[0]).not.toContain(secret);
  });
});

describe("/docs headers (audit item 11)", () => {
  it("cannot be framed or sniffed, and runs only its own script", async () => {
    const response = await call("GET", "/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const policy = response.headers.get("Content-Security-Policy")!;
    expect(policy).toContain("frame-ancestors 'none'");
    const script = /<script>([\s\S]*?)<\/script>/.exec(await response.text())![1]!;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)));
    expect(policy).toContain(`script-src 'sha256-${btoa(String.fromCharCode(...digest))}'`);
  });
});
