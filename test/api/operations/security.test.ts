import { describe, expect, it } from "vitest";
import { EXAMPLE_JWT_SECRET, getConfig } from "../../../worker/config";

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
