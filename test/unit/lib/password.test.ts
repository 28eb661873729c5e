import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../../worker/lib/password";

describe("password hashing", () => {
  it("stores PBKDF2-SHA256 with a random salt per hash and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a).toMatch(/^pbkdf2_sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterz", a)).toBe(false);
    expect(await verifyPassword("correct horse battery", "garbage")).toBe(false);
  });

  it("refuses stored hashes whose iteration count production would reject", async () => {
    const [, , salt, hash] = (await hashPassword("correct horse battery")).split("$");
    expect(await verifyPassword("correct horse battery", `pbkdf2_sha256$${PBKDF2_ITERATIONS}$${salt}$${hash}`)).toBe(true);
    expect(await verifyPassword("correct horse battery", `pbkdf2_sha256$${PBKDF2_ITERATIONS + 1}$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword("correct horse battery", `pbkdf2_sha256$0$${salt}$${hash}`)).toBe(false);
  });
});
