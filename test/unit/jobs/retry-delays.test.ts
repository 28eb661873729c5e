import { describe, expect, it } from "vitest";
import { chunkRetryDelay } from "../../../worker/jobs/chunk-runner";
import { webhookRetryDelay } from "../../../worker/jobs/webhook";

/** The queue retry delays of chunk messages (chunk-runner.ts) and webhook deliveries (webhook.ts). */
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
