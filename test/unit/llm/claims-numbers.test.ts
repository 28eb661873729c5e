import { describe, expect, it } from "vitest";
import { claimsOf, verdict } from "./claims-helpers";

const row = { company: "Kestrel Foods", company_size: "51-200", fleet: "45 vans", revenue: "$15M", founded: "1987", depots: "Leeds, York and Hull" };
const cite = [{ field: "company_size", value: "51-200" }, { field: "fleet", value: "45 vans" }, { field: "revenue", value: "$15M" }, { field: "founded", value: "1987" }, { field: "depots", value: "Leeds, York and Hull" }];

describe("claims: numbers in digits and words", () => {
  it.each([
    ["With a team of 51-200 at Kestrel Foods, routes change daily.", "ok"],
    ["Kestrel Foods runs forty-five vans, so every route counts.", "ok"],
    ["Running 45 vans, Kestrel Foods plans routes every morning.", "ok"],
    ["At $15 million in revenue, Kestrel Foods plans routes carefully.", "ok"],
    ["Since 1987, Kestrel Foods has delivered across the north.", "ok"],
    ["With three depots, Kestrel Foods plans routes from several places.", "ok"],
    ["Kestrel Foods runs 60 vans, so every route counts.", "invented:number"],
    ["Kestrel Foods runs sixty vans, so every route counts.", "invented:number"],
    ["Kestrel Foods grew revenue by 40 percent, so routes matter.", "invented:number"],
    ["Kestrel Foods now has a dozen depots to plan routes for.", "invented:number"],
    ["Kestrel Foods delivers to thousands of stores every day.", "invented:number"],
    ["Kestrel Foods opened its fourth depot, adding routes.", "invented:number"],
    ["At $20M in revenue, Kestrel Foods plans routes carefully.", "invented:number"],
  ])("%s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, row, { evidence: cite }))).toBe(expected);
  });

  it("reads German thousands and number words in other languages", () => {
    const fields = { company: "Kestrel Foods", employees: "1.200 Mitarbeitende" };
    const evidence = [{ field: "employees", value: "1.200" }];
    expect(verdict(claimsOf("Mit 1,200 Leuten plant Kestrel Foods viele Touren.", fields, { evidence, language: "de" }))).toBe("ok");
    expect(verdict(claimsOf("Mit fünfundzwanzig Fahrern plant Kestrel Foods viele Touren.", fields, { evidence, language: "de" }))).toBe("invented:number");
    expect(verdict(claimsOf("Avec vingt camions, Kestrel Foods planifie beaucoup de tournées.", fields, { evidence, language: "fr" }))).toBe("invented:number");
    expect(verdict(claimsOf("Con cincuenta furgonetas, Kestrel Foods planifica muchas rutas.", fields, { evidence, language: "es" }))).toBe("invented:number");
  });

  it("does not read articles and figures of speech as numbers", () => {
    expect(verdict(claimsOf("Kestrel Foods is one of the busiest fleets, and half the work is planning.", row))).toBe("ok");
    expect(verdict(claimsOf("Kestrel Foods plans routes 24/7 and wants a 360-degree view of its fleet.", row))).toBe("ok");
    expect(verdict(claimsOf("Kestrel Foods plante une tournée par jour et un camion par client.", row, { language: "fr" }))).toBe("ok");
  });
});
