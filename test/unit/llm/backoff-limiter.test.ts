import { describe, expect, it } from "vitest";
import { backoffDelay, delayFor, retryAfterMs } from "../../../worker/llm/backoff";
import { Limiter } from "../../../worker/llm/limiter";

describe("backoff", () => {
  it("grows exponentially with jitter and a cap", () => {
    const policy = { baseMs: 100, capMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    const samples = Array.from({ length: 50 }, () => backoffDelay(2, policy));
    expect(new Set(samples).size).toBeGreaterThan(1);
    expect(samples.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
  });

  it("honours Retry-After in seconds, as a date, and retry-after-ms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "Retry-After": "3" }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "Retry-After": "9" }), now)).toBe(250);
    expect(retryAfterMs(new Headers(), now)).toBeNull();
    // The server's wait wins, plus a little jitter.
    expect(delayFor(1, { baseMs: 100, capMs: 1000 }, 2000, () => 0)).toBe(2000);
    expect(delayFor(1, { baseMs: 100, capMs: 1000 }, 2000, () => 1)).toBeLessThanOrEqual(2250);
  });
});

describe("Limiter", () => {
  it("never runs more than its limit at once and runs everything", async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(limiter.inFlight).toBe(0);
  });

  it("serves waiting keys in turn, so a key that queued few tasks is not behind all of another's", async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    await Promise.all([
      ...["b1", "b2", "b3", "b4"].map((name) => limiter.run(task(name), "big")),
      limiter.run(task("s1"), "small"),
      limiter.run(task("s2"), "small"),
    ]);
    expect(order).toEqual(["b1", "b2", "s1", "b3", "s2", "b4"]);
  });

  it("frees the slot when a task throws", async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => "next")).toBe("next");
  });
});
