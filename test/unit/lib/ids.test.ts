import { describe, expect, it } from "vitest";
import { isIdOf, newId } from "../../../worker/lib/ids";

describe("ids", () => {
  it("recognises ids shaped like newId's, of the right kind only", () => {
    const id = newId("job");
    expect(isIdOf("job", id)).toBe(true);
    expect(isIdOf("upl", id)).toBe(false);
    for (const bad of ["", "job_", "job_xyz", `${id}0`, id.slice(0, -1), id.toUpperCase(), `job_${"g".repeat(28)}`, "../../etc"]) {
      expect(isIdOf("job", bad)).toBe(false);
    }
  });
});
