import { describe, expect, it } from "vitest";
import { applyProfiles, suggestMapping, type ProfileForSuggestion } from "../../../worker/uploads/mapping";

describe("suggestMapping from headers", () => {
  it.each([
    ["English", ["First Name", "Last Name", "Company Name", "Job Title", "Email Address", "Website", "Industry", "# Employees", "City"]],
    ["snake_case", ["first_name", "last_name", "company", "title", "email", "website", "industry", "company_size", "location"]],
    ["German", ["Vorname", "Nachname", "Firma", "Position", "E-Mail", "Webseite", "Branche", "Mitarbeiter", "Ort"]],
    ["French", ["Prénom", "Nom", "Société", "Poste", "Courriel", "Site web", "Secteur", "Effectif", "Ville"]],
    ["Spanish", ["Nombre", "Apellido", "Empresa", "Cargo", "Correo electrónico", "Sitio web", "Industria", "Empleados", "Ciudad"]],
  ])("maps %s headers", (_language, columns) => {
    expect(suggestMapping(columns, [])).toEqual({
      first_name: columns[0],
      last_name: columns[1],
      company: columns[2],
      title: columns[3],
      email: columns[4],
      website: columns[5],
      industry: columns[6],
      company_size: columns[7],
      location: columns[8],
    });
  });

  it("knows Organization, Role, Empresa and full names", () => {
    expect(suggestMapping(["Name", "Organization", "Role"], [])).toEqual({ full_name: "Name", company: "Organization", title: "Role" });
  });
});

describe("suggestMapping from values", () => {
  it("finds emails, LinkedIn profiles and websites whatever the header says", () => {
    const columns = ["Contact", "Col B", "URL", "Profile", "Employer"];
    const rows = [
      ["Ann Lee", "ann@acme.com", "https://www.linkedin.com/in/annlee", "acme.com", "Acme"],
      ["Bob Roe", "bob@beta.io", "linkedin.com/in/bob-roe-123", "https://beta.io/about", "Beta"],
    ];
    expect(suggestMapping(columns, rows)).toEqual({
      full_name: "Contact",
      company: "Employer",
      email: "Col B",
      website: "Profile",
      linkedin_url: "URL",
    });
  });

  it("does not take a column of emails for a name", () => {
    expect(suggestMapping(["Name", "Company"], [["ann@acme.com", "Acme"], ["bob@beta.io", "Beta"]])).toEqual({ email: "Name", company: "Company" });
  });
});

describe("applyProfiles", () => {
  const profiles: ProfileForSuggestion[] = [
    { id: "map_b", name: "Apollo", mapping: { company: "Account", first_name: "Given" } },
    { id: "map_a", name: "Other", mapping: { company: "Missing column" } },
  ];

  it("puts a fitting profile first and fills what it leaves out", () => {
    const result = applyProfiles(["Given", "Account", "Email"], { company: "Email", email: "Email", first_name: "Given" }, profiles);
    expect(result.profile).toEqual({ id: "map_b", name: "Apollo" });
    expect(result.mapping).toEqual({ company: "Account", first_name: "Given", email: "Email" });
  });

  it("ignores profiles naming a column the upload lacks", () => {
    const result = applyProfiles(["Company"], { company: "Company" }, [profiles[1]!]);
    expect(result).toEqual({ mapping: { company: "Company" }, profile: null });
  });
});
