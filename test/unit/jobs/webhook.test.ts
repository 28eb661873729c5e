import { describe, expect, it } from "vitest";
import { signatureHeader } from "../../../worker/jobs/webhook";
import { hmacSha256Hex } from "../../../worker/lib/crypto";

describe("webhook signature", () => {
  it("is t=<unix>,v1=<HMAC-SHA256 of t.body>", async () => {
    const header = await signatureHeader("whsec_test", '{"a":1}', 1_700_000_000);
    expect(header).toBe(`t=1700000000,v1=${await hmacSha256Hex("whsec_test", '1700000000.{"a":1}')}`);
    expect(header).not.toBe(await signatureHeader("whsec_other", '{"a":1}', 1_700_000_000));
  });
});
