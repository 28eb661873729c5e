import { describe, expect, it } from "vitest";
import { checkLine, mentionsCompany } from "../../../worker/llm/checks";
import type { LineContext, ProspectRow } from "../../../worker/llm/types";
import { countWords, wordBounds } from "../../../worker/llm/words";

const context: LineContext = { service: "AI bookkeeping that closes the books for small agencies in two days", tone: "friendly", language: "en", maxWords: 25 };
const row: ProspectRow = { id: "1", fields: { company: "Acme GmbH", first_name: "Ann", title: "Head of Finance", location: "Berlin", company_size: "51-200" } };
const good = "Ann, as Head of Finance at Acme GmbH in Berlin, you know the month-end close that AI bookkeeping for small agencies is built for.";

describe("checkLine", () => {
  it("passes a line within the rules", () => {
    expect(countWords(good)).toBeGreaterThanOrEqual(18);
    expect(checkLine(good, [{ field: "company", value: "Acme GmbH" }, { field: "service", value: "AI bookkeeping" }], row, context)).toEqual({ ok: true });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["Hi {{first_name}}, at Acme GmbH you know the month-end close that AI bookkeeping for small agencies is built for today.", "placeholder"],
    ["Hi [First Name], at Acme GmbH you know the month-end close that AI bookkeeping for small agencies is built for today.", "placeholder"],
    ["Ann at Acme GmbH knows bookkeeping.", "too_short"],
    [`${good} It also helps teams in every other city across the whole wide world.`, "too_long"],
    ["Ann, as Head of Finance at Acme GmbH in Berlin, would AI bookkeeping for small agencies help your month-end close this year?", "question"],
    ["Ann, as Head of Finance at Acme GmbH in Berlin, act now: AI bookkeeping for small agencies closes your books in two days.", "spam_phrase"],
    ["Ann, I was impressed by Acme GmbH in Berlin and how AI bookkeeping for small agencies could close your books in two days.", "spam_phrase"],
    ["Ann, as Head of Finance in Berlin, you know the month-end close that AI bookkeeping for small agencies is built for today.", "missing_company"],
    ["Ann, as Head of Finance at Acme GmbH with 340 people in Berlin, you know the close that AI bookkeeping is built for.", "unsupported_claim"],
  ])("fails %j as %s", (line, reason) => {
    const result = checkLine(line, [], row, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.split(":")[0]).toBe(reason);
  });

  it("fails evidence that names an unknown field or quotes words the field does not hold", () => {
    expect(checkLine(good, [{ field: "revenue", value: "$10M" }], row, context)).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsupported_claim: evidence "\$10M"/) });
    expect(checkLine(good, [{ field: "revenue", value: "" }], row, context)).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsupported_claim/) });
    expect(checkLine(good, [{ field: "title", value: "CEO" }], row, context)).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsupported_claim/) });
    expect(checkLine(good, [{ field: "Title", value: "head of  FINANCE" }], row, context)).toEqual({ ok: true });
    // A value quoted under the wrong field is still in the data: accepted.
    expect(checkLine(good, [{ field: "location", value: "Head of Finance" }], row, context)).toEqual({ ok: true });
  });

  it("accepts numbers that are in the input", () => {
    const line = "Ann, as Head of Finance at Acme GmbH with 51-200 people, you know the close that AI bookkeeping is built for in two days.";
    expect(checkLine(line, [{ field: "company_size", value: "51-200" }], row, context)).toEqual({ ok: true });
  });

  it("keeps the cited-evidence check as the baseline mode", () => {
    const invented = "Ann, congrats on the seed round Acme GmbH closed, which makes AI bookkeeping for small agencies timely for your finance team.";
    expect(checkLine(invented, [], row, context, { grounding: "cited" })).toEqual({ ok: true });
    expect(checkLine(invented, [], row, context)).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsupported_claim: an event/) });
  });

  it("moves the word range with maxWords", () => {
    expect(wordBounds(25)).toEqual({ min: 18, max: 25 });
    expect(wordBounds(40)).toEqual({ min: 29, max: 40 });
    expect(checkLine(good, [], row, { ...context, maxWords: 12 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^too_long/) });
  });
});

describe("mentionsCompany", () => {
  it.each([
    ["ACME Corporation", "a note for the Acme team", true],
    ["The Coca-Cola Company", "since Coca-Cola ships everywhere", true],
    ["Stark Freight Solutions", "Stark moves freight", true],
    ["Global Solutions Group", "you run global teams", false],
    ["Initech", "nothing here", false],
  ])("%s in %j → %s", (company, line, expected) => {
    expect(mentionsCompany(line, company)).toBe(expected);
  });
});
