import { describe, expect, it } from "vitest";
import { RateMeter } from "../../../worker/jobs/progress";

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
