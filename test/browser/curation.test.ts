import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { excelCsv, open, screenshot, signUp, throughContext, uploadWithPicker } from "./flows";
import { browserSession } from "./session";

/** Issue #15 in Chromium: the sample model labelled, saved contexts, and curating a finished job's rows. */
const appUrl = inject("appUrl");
const SERVICE = "We help sales teams book more meetings with research-backed cold emails.";
const SAMPLE_TEXT = "Sample lines from the offline sample model — set LLM_API_KEY for real lines";

const session = browserSession();
let page: Page;

const previewLines = async () => {
  const rows = page.getByRole("region", { name: "Preview rows with their opening lines" }).locator("tbody tr");
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(5);
  // The line itself: the cell also holds the evidence list and other variants.
  return rows.locator(".line-cell > q").allTextContents();
};
const lineOf = (row: number) => page.locator(".rows-table tbody tr", { has: page.locator(`td.num:text-is("${row}")`) }).locator(".line-cell");

/** No part of the page needs a sideways scroll at this width. */
const fitsWidth = () =>
  page.evaluate(() => {
    // Runs in the page (this file is type-checked with Node's types, not the DOM's).
    const view = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return view.document.documentElement.scrollWidth <= view.innerWidth;
  });

describe("curation in a real browser", () => {
  it("tries a sample list, labels sample lines, varies them with the tone, saves the context and prefills it next time", async () => {
    page = await session.freshPage();
    await signUp(page, appUrl, "curate");
    await page.getByRole("button", { name: "Try it with a sample list" }).click();
    await page.waitForURL("**/jobs/new?upload=*");
    expect(await page.locator(".wizard-file").textContent()).toBe("sample-prospects.csv · 10 prospects");
    await throughContext(page, SERVICE);
    await page.getByLabel("Save this context as").fill("Sales teams");
    await page.getByRole("button", { name: "Save context" }).click();
    await page.getByText("Saved as “Sales teams”.").waitFor();

    await page.getByRole("button", { name: "Continue to preview" }).click();
    const friendly = await previewLines();
    expect(await page.getByText(SAMPLE_TEXT).isVisible()).toBe(true);
    expect(await page.locator(".row-mark-sample").count()).toBe(5);
    await screenshot(page, "curation-preview-sample");

    await page.getByRole("link", { name: "Edit context" }).click();
    await page.getByLabel("Tone").selectOption("professional");
    await page.getByRole("button", { name: "Continue to preview" }).click();
    const professional = await previewLines();
    expect(professional).not.toEqual(friendly);
    for (const line of professional) expect(line).toMatch(/^“?[A-Z].*\.”?$/);
    // Regenerate writes other lines for the same settings.
    await page.getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(async () => (await previewLines()).join("|"), { timeout: 60_000 }).not.toBe(professional.join("|"));

    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 90_000 }).toBe("Done");
    expect(await page.getByText(SAMPLE_TEXT).isVisible()).toBe(true);

    await open(page, `${appUrl}/jobs/new`);
    await uploadWithPicker(page, "next.csv", excelCsv(3));
    await page.waitForURL("**/jobs/new?upload=*");
    await page.getByRole("button", { name: "Continue to mapping" }).click();
    await page.getByRole("button", { name: "Continue to context" }).click();
    await expect.poll(() => page.getByLabel("What do you sell? (in your words)").inputValue()).toBe(SERVICE);
    expect(await page.getByLabel("Use a saved context").locator("option").allTextContents()).toContain("Sales teams");
    await screenshot(page, "curation-context-prefilled");
  });

  it("approves, edits, regenerates and filters rows, downloads the approved ones, and shows cards on a phone", async () => {
    page = await session.freshPage();
    await signUp(page, appUrl, "rows");
    await uploadWithPicker(page, "rows.csv", excelCsv(6));
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, SERVICE);
    await page.getByRole("button", { name: "Continue to preview" }).click();
    await previewLines();
    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 90_000 }).toBe("Done");

    const row = (n: number) => page.getByRole("group", { name: `Row ${n}` });
    await row(1).getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => row(1).getByRole("button", { name: "Unapprove" }).isVisible()).toBe(true);
    await row(4).getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => row(4).getByRole("button", { name: "Unapprove" }).isVisible()).toBe(true);
    await row(5).getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => row(5).getByRole("button", { name: "Unreject" }).isVisible()).toBe(true);

    await row(2).getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Line for row 2").fill("Ann2, a line of my own for Acme 2.");
    await page.getByRole("button", { name: "Save line" }).click();
    await expect.poll(() => lineOf(2).textContent()).toBe("Ann2, a line of my own for Acme 2.");

    const before = await lineOf(3).textContent();
    await row(3).getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(() => lineOf(3).textContent(), { timeout: 30_000 }).not.toBe(before);
    expect(await lineOf(3).textContent()).toContain("Acme 3");
    await screenshot(page, "curation-job-rows");

    await page.getByLabel("Show").selectOption("approved");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.locator(".rows-table tbody tr").count()).toBe(2);
    await page.getByLabel("Show").selectOption("");
    await page.getByLabel("Search by name or company").fill("acme 5");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.locator(".rows-table tbody tr td.num").allTextContents()).toEqual(["5"]);
    await page.getByRole("link", { name: "Clear" }).click();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download approved rows" }).click()]);
    const lines = readFileSync((await download.path())!).subarray(3).toString("utf8").split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Acme 1");
    expect(lines[2]).toContain("Acme 4");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.locator(".rows-table tbody tr").count()).toBe(6);
    expect(await fitsWidth()).toBe(true);
    const card = await lineOf(3).boundingBox();
    expect(card!.x).toBeGreaterThanOrEqual(0);
    expect(card!.x + card!.width).toBeLessThanOrEqual(390);
    await screenshot(page, "curation-job-rows-phone");
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it("small things: the company from email domains, .ods advice, one ledger line per job, a narrow new API key", async () => {
    page = await session.freshPage();
    await signUp(page, appUrl, "small");
    await uploadWithPicker(page, "sheet.ods", odsBytes(), "application/vnd.oasis.opendocument.spreadsheet");
    const refusal = page.locator(".notice", { hasText: "We couldn't use that file" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/OpenDocument spreadsheet \(\.ods\).*save it as .*\.xlsx.* or CSV/);

    const csv = "Name,Email,Title\nMaya,maya@brightwell-dental.com,Practice Manager\nJonas,jonas@nordlicht.de,Head of Operations\n";
    await uploadWithPicker(page, "no-company.csv", csv);
    await page.waitForURL("**/jobs/new?upload=*");
    expect(await page.getByRole("list", { name: "What we found in your file" }).textContent()).toContain("the company is taken from each work email's domain");
    await page.getByRole("button", { name: "Continue to mapping" }).click();
    await page.getByText("No company column").waitFor();
    await screenshot(page, "curation-company-from-email");
    await page.getByRole("button", { name: "Continue to context" }).click();
    await page.getByLabel("What do you sell? (in your words)").fill(SERVICE);
    await page.getByRole("button", { name: "Continue to preview" }).click();
    const lines = page.getByRole("region", { name: "Preview rows with their opening lines" }).locator(".line-cell");
    await expect.poll(() => lines.count(), { timeout: 60_000 }).toBe(2);
    expect(await lines.first().textContent()).toContain("Brightwell Dental");
    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 90_000 }).toBe("Done");

    await open(page, `${appUrl}/account`);
    const ledger = page.getByRole("region", { name: "Credit ledger" });
    expect(await ledger.getByRole("link", { name: "no-company.csv" }).count()).toBe(1);

    await open(page, `${appUrl}/account/api-keys`);
    const checked = await page.locator('input[name="scopes"]:checked').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(checked).toEqual(["jobs:read"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `${appUrl}/jobs`);
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, "curation-jobs-phone");
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});

/** The start of an .ods file: a ZIP whose first entry, stored uncompressed, is `mimetype`. */
function odsBytes(): Buffer {
  const type = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
  const header = Buffer.alloc(30);
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]).copy(header);
  header[18] = header[22] = type.length;
  header[26] = 8;
  return Buffer.concat([header, Buffer.from("mimetype"), type, Buffer.from([0x50, 0x4b, 0x03, 0x04])]);
}
