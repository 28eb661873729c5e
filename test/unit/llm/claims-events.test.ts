import { describe, expect, it } from "vitest";
import { claimsOf, verdict } from "./claims-helpers";

const row = { company: "Kestrel Foods", first_name: "Omar", news: "Launched a vegan ready-meal range", hiring: "Recruiting warehouse staff" };
const cite = [{ field: "news", value: "Launched a vegan ready-meal range" }, { field: "hiring", value: "Recruiting warehouse staff" }];

describe("claims: events and states", () => {
  it.each([
    ["Omar, since Kestrel Foods launched its vegan range, delivery routes must have changed.", "ok"],
    ["With Kestrel Foods hiring for the warehouse, Omar, routes will need more drivers too.", "ok"],
    ["Omar, after Kestrel Foods raised a funding round, delivery routes must be growing.", "invented:event"],
    ["Omar, Kestrel Foods won an award for its vans, so routes matter a lot.", "invented:event"],
    ["Omar, since Kestrel Foods acquired a rival, route planning covers more stores.", "invented:event"],
    ["Omar, your podcast about Kestrel Foods' delivery routes was worth hearing.", "invented:event"],
    ["Omar, Kestrel Foods partnered with a supermarket chain, so routes got longer.", "invented:event"],
    ["Omar, Kestrel Foods relocated its main depot, which changed its routes.", "invented:event"],
    ["Omar, Kestrel Foods migrated its planning to the cloud, which helps routes.", "invented:event"],
  ])("%s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, row, { evidence: cite }))).toBe(expected);
  });

  it("lets generic and hypothetical remarks through", () => {
    expect(verdict(claimsOf("Food companies often expand their fleets in winter, and Kestrel Foods plans routes daily.", row))).toBe("ok");
    expect(verdict(claimsOf("Better routes could help Kestrel Foods hire fewer drivers, Omar.", row))).toBe("ok");
    expect(verdict(claimsOf("Omar, whether Kestrel Foods builds or buys its planning, routes matter.", row))).toBe("ok");
  });

  it("wants the facts it uses cited", () => {
    expect(verdict(claimsOf("Omar, since Kestrel Foods launched its vegan range, delivery routes must have changed.", row))).toBe("uncited:event");
  });

  it("takes an event word from the service text only in a remark, not about the prospect", () => {
    const service = "We help logistics teams hire drivers faster.";
    expect(verdict(claimsOf("Teams in logistics often hire drivers in a rush, and Kestrel Foods plans routes daily.", { company: "Kestrel Foods" }, { service }))).toBe("ok");
    expect(verdict(claimsOf("Omar, now that Kestrel Foods is hiring drivers, routes get busier.", { company: "Kestrel Foods", first_name: "Omar" }, { service }))).toBe("invented:event");
  });
});
