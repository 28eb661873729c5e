import { describe, expect, it } from "vitest";
import { claimsOf, verdict } from "./claims-helpers";

const row = { company: "Kestrel Foods Ltd", first_name: "Omar", title: "VP of Operations", location: "Leicester", customers: "Tesco, Sainsbury's" };

describe("claims: names of organisations, people, places", () => {
  it.each([
    ["Omar, as VP of Operations at Kestrel Foods in Leicester, you plan a lot of delivery routes.", "ok"],
    ["Omar, supplying Tesco and Sainsbury's keeps Kestrel Foods' delivery windows tight.", "ok"],
    ["Omar, Kestrel Foods Ltd plans its delivery routes for Tesco every morning.", "ok"],
    // Paraphrase of the title: lowercase role words assert nothing new.
    ["As an operations leader at Kestrel, Omar, you know how tight delivery windows get.", "ok"],
    ["Omar, since Kestrel Foods supplies brands like Asda and Morrisons, delivery windows must be tight.", "invented:entity"],
    ["Omar, Kestrel Foods' new depot in Nottingham must make route planning harder.", "invented:entity"],
    ["Winner of the Grocer Gold Award, Kestrel Foods plans a lot of delivery routes.", "invented:entity"],
    ["Omar, as CFO at Kestrel Foods, you see what late deliveries cost.", "invented:entity"],
    // A role at the prospect ("your CFO") is not a claim about Omar's title.
    ["Omar, late deliveries at Kestrel Foods are a cost your CFO sees every month.", "ok"],
    // A capitalised sentence opener is a plain word.
    ["Planning delivery routes for Tesco is daily work at Kestrel Foods, Omar.", "ok"],
    ["Every Monday, Kestrel Foods in Leicester plans routes for Tesco.", "ok"],
    // A remark about a kind of company may name examples; holidays are everyone's calendar.
    ["Grocers like Aldi often squeeze delivery windows, and Kestrel Foods plans routes daily.", "ok"],
    ["Omar, Black Friday and Christmas weeks stretch every route Kestrel Foods plans for Tesco.", "ok"],
  ])("%s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, row))).toBe(expected);
  });

  it("matches names across case, accents, legal suffixes and possessives", () => {
    const fields = { company: "Société Générale d'Éclairage SAS", location: "Zürich" };
    expect(verdict(claimsOf("At SOCIETE GENERALE d'Eclairage in Zurich, route planning is daily work.", fields))).toBe("ok");
    expect(verdict(claimsOf("Société Générale's team in Zürich plans routes daily.", fields))).toBe("ok");
  });

  it("needs a one-letter name whole: Series A is not Series B", () => {
    const fields = { company: "Kestrel Foods", funding: "Raised a Series B" };
    expect(verdict(claimsOf("After its Series B, Kestrel Foods is planning more routes.", fields, { evidence: [{ field: "funding", value: "Series B" }] }))).toBe("ok");
    expect(verdict(claimsOf("After its Series A, Kestrel Foods is planning more routes.", fields, { evidence: [{ field: "funding", value: "Series B" }] }))).toBe("invented:entity");
  });

  it("accepts names from the sender's service text", () => {
    expect(verdict(claimsOf("Kestrel Foods could plan Tesco routes with RouteWise in minutes.", row, { service: "RouteWise plans delivery routes in minutes." }))).toBe("ok");
  });
});
