import { describe, expect, it } from "vitest";
import { claimsOf, verdict } from "./claims-helpers";

describe("claims: dates and time anchors", () => {
  const row = { company: "Kestrel Foods", first_name: "Omar", news: "Opened a depot in Leeds in May 2024" };
  const cite = [{ field: "news", value: "Opened a depot in Leeds in May 2024" }];
  it.each([
    ["Omar, since Kestrel Foods opened its Leeds depot in May, routes cover more ground.", "ok"],
    ["Omar, with the Leeds depot Kestrel Foods recently opened, routes cover more ground.", "ok"],
    ["Omar, Kestrel Foods opened its Leeds depot in March, so routes cover more ground.", "invented:time"],
  ])("%s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, row, { evidence: cite }))).toBe(expected);
  });

  it.each([
    ["Omar, Kestrel Foods recently added drivers, so routes change a lot.", "invented:time"],
    ["Omar, last month Kestrel Foods added drivers, so routes change a lot.", "invented:time"],
    ["Omar, this spring Kestrel Foods added drivers, so routes change a lot.", "invented:time"],
    ["Omar, Kestrel Foods plans delivery routes every morning for its stores.", "ok"],
    // A plan or a wish, not a report.
    ["Omar, better routes could save Kestrel Foods hours of planning this year.", "ok"],
    ["Omar, Kestrel Foods will want its routes settled before next quarter.", "ok"],
  ])("with no date in the data: %s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, { company: "Kestrel Foods", first_name: "Omar" }))).toBe(expected);
  });

  it("reads time words in German, French and Spanish", () => {
    const fields = { company: "Kestrel Foods" };
    expect(verdict(claimsOf("Kestrel Foods hat kürzlich neue Fahrer gefunden, und die Touren wachsen.", fields, { language: "de" }))).toBe("invented:time");
    expect(verdict(claimsOf("Le mois dernier, Kestrel Foods a changé ses tournées.", fields, { language: "fr" }))).toBe("invented:time");
    expect(verdict(claimsOf("El año pasado Kestrel Foods cambió sus rutas de reparto.", fields, { language: "es" }))).toBe("invented:time");
  });
});

describe("claims: tools and practices", () => {
  const row = { company: "Kestrel Foods", first_name: "Omar", stack: "Uses spreadsheets and Samsara" };
  const cite = [{ field: "stack", value: "Uses spreadsheets and Samsara" }];
  it.each([
    ["Omar, since Kestrel Foods uses spreadsheets for routes, planning takes hours.", "ok"],
    ["Omar, Kestrel Foods runs its fleet on Samsara, so the data is there.", "ok"],
    ["Omar, since Kestrel Foods uses whiteboards for routes, planning takes hours.", "invented:tool"],
    ["Omar, Kestrel Foods runs its fleet on Geotab, so the data is there.", "invented:entity"],
  ])("%s → %s", (line, expected) => {
    expect(verdict(claimsOf(line, row, { evidence: cite }))).toBe(expected);
  });
});

describe("claims: evidence", () => {
  const row = { company: "Kestrel Foods", fleet: "45 vans" };
  it("accepts a quote found in another field and rejects one found nowhere", () => {
    const line = "Kestrel Foods runs 45 vans, so every route counts.";
    expect(verdict(claimsOf(line, row, { evidence: [{ field: "fleet", value: "45 vans" }] }))).toBe("ok");
    expect(verdict(claimsOf(line, row, { evidence: [{ field: "company", value: "45 vans" }] }))).toBe("ok");
    expect(verdict(claimsOf(line, row, { evidence: [{ field: "fleet", value: "60 trucks" }] }))).toBe("evidence");
    expect(verdict(claimsOf(line, row, { evidence: [{ field: "revenue", value: "" }] }))).toBe("evidence");
  });
});

describe("claims: languages", () => {
  const fields = { company: "Kestrel Foods" };
  it.each([
    ["de", "Kestrel Foods hat eine Finanzierungsrunde abgeschlossen, und die Touren wachsen."],
    ["de", "Kestrel Foods hat ein neues Lager eröffnet, und die Touren wachsen."],
    ["fr", "Kestrel Foods a levé des fonds, et ses tournées vont grandir."],
    ["fr", "Kestrel Foods recrute des chauffeurs, et ses tournées vont grandir."],
    ["es", "Kestrel Foods ha lanzado una nueva línea, y sus rutas van a crecer."],
    ["es", "Kestrel Foods ganó un premio, y sus rutas van a crecer."],
  ])("%s: an invented event is found in %s", (language, line) => {
    expect(verdict(claimsOf(line, fields, { language }))).toBe("invented:event");
  });

  it("lets a generic German remark through", () => {
    expect(verdict(claimsOf("Viele Händler expandieren im Winter, und Kestrel Foods plant täglich Touren.", fields, { language: "de" }))).toBe("ok");
  });
});
