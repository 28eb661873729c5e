import { describe, expect, it } from "vitest";
import { companyFromEmail } from "../../../worker/llm/email-company";
import { toProspect } from "../../../worker/llm/prospect";

describe("the company from a work email's domain", () => {
  it.each([
    ["maya@brightwell-dental.com", "Brightwell Dental"],
    ["tom@greenleaf.co.uk", "Greenleaf"],
    ["a.b@mail.acme.io", "Acme"],
    ["ANN@Nordlicht.DE", "Nordlicht"],
    ["someone@gmail.com", ""],
    ["someone@outlook.co.uk", ""],
    ["not an email", ""],
    ["x@localhost", ""],
  ])("%s → %j", (email, company) => {
    expect(companyFromEmail(email)).toBe(company);
  });

  it("fills the prospect's company only when no company column is mapped", () => {
    const columns = ["Name", "Email", "Firm"];
    const cells = ["Maya", "maya@brightwell-dental.com", "Brightwell Dental Care Ltd"];
    expect(toProspect(1, columns, cells, { first_name: "Name", email: "Email" }, []).fields.company).toBe("Brightwell Dental");
    expect(toProspect(1, columns, cells, { first_name: "Name", email: "Email", company: "Firm" }, []).fields.company).toBe("Brightwell Dental Care Ltd");
    expect(toProspect(1, columns, ["Sam", "sam@gmail.com", ""], { first_name: "Name", email: "Email" }, []).fields.company).toBeUndefined();
  });
});
