import { describe, expect, it } from "vitest";
import { chunkRetryDelay } from "../../../worker/jobs/chunk-runner";
import { RateMeter } from "../../../worker/jobs/progress";
import { signatureHeader, webhookRetryDelay } from "../../../worker/jobs/webhook";
import { hmacSha256Hex } from "../../../worker/lib/crypto";

describe("RateMeter", () => {
  it("measures rows per second over its window and derives the ETA", () => {
    const meter = new RateMeter(10_000);
    meter.record(0, 0);
    meter.record(50, 5_000);
    meter.record(100, 10_000);
    expect(meter.rowsPerSecond(10_000)).toBe(10);
    expect(meter.etaSeconds(300, 10_000)).toBe(30);
    // Old samples fall out of the window.
    meter.record(400, 20_000);
    expect(meter.rowsPerSecond(20_000)).toBe(30);
  });

  it("has no rate before two samples, after a long idle, or after a reset", () => {
    const meter = new RateMeter(10_000);
    expect(meter.rowsPerSecond(0)).toBeNull();
    meter.record(10, 0);
    meter.record(20, 1_000);
    expect(meter.rowsPerSecond(60_000)).toBeNull();
    meter.reset();
    expect(meter.etaSeconds(10, 1_000)).toBeNull();
  });
});

describe("retry delays", () => {
  it("backs chunk messages off exponentially, at least as long as the server asked", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(300, 5 * 2 ** (attempt - 1));
      const delay = chunkRetryDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.ceil(ceiling / 2));
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    expect(chunkRetryDelay(1, 42_000)).toBe(42);
    expect([1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelay)).toEqual([10, 40, 160, 640, 2560, 3600, 3600]);
  });
});

describe("webhook signature", () => {
  it("is t=<unix>,v1=<HMAC-SHA256 of t.body>", async () => {
    const header = await signatureHeader("whsec_test", '{"a":1}', 1_700_000_000);
    expect(header).toBe(`t=1700000000,v1=${await hmacSha256Hex("whsec_test", '1700000000.{"a":1}')}`);
    expect(header).not.toBe(await signatureHeader("whsec_other", '{"a":1}', 1_700_000_000));
  });
});
