import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { excelCsv, screenshot, signUp, throughContext, uploadWithPicker } from "./flows";
import { browserSession } from "./session";

/** Issue #15 item 4 in Chromium: A/B variants chosen in the wizard, costed, previewed, listed and exported. */
const appUrl = inject("appUrl");
const SERVICE = "We help sales teams book more meetings with research-backed cold emails.";

const session = browserSession();
let page: Page;

describe("variants in a real browser", () => {
  it("chooses 2 lines per prospect: the cost doubles, preview and rows show line B, line B is edited and both regenerated, the download has personalized_line_2", async () => {
    page = await session.freshPage();
    await signUp(page, appUrl, "variants");
    await uploadWithPicker(page, "ab.csv", excelCsv(4));
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, SERVICE);
    await page.getByLabel("Lines per prospect").selectOption("2");
    await expect.poll(() => page.getByTestId("cost").textContent()).toBe("4 rows × 2 lines → 8 credits; you have 500");

    await page.getByRole("button", { name: "Continue to preview" }).click();
    const preview = page.getByRole("region", { name: "Preview rows with their opening lines" });
    await expect.poll(() => preview.locator(".variant-lines li").count(), { timeout: 60_000 }).toBe(4);
    expect(await preview.locator(".variant-lines li").first().textContent()).toMatch(/^B /);
    await screenshot(page, "variants-preview");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "variants-preview-phone");
    await page.setViewportSize({ width: 1200, height: 900 });

    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: "Start run · 8 credits" }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 90_000 }).toBe("Done");
    await expect.poll(() => page.locator(".rows-table .variant-lines li").count()).toBe(4);
    // Prospects and lines are counted apart, and the download hint names the second line's column.
    expect(await page.locator(".notice", { hasText: "Done:" }).textContent()).toContain("4 prospects, 8 lines written");
    expect(await page.getByTestId("download-hint").textContent()).toContain("personalized_line and personalized_line_2");

    // Line B of row 1, edited in place beside line A.
    const row = (n: number) => page.getByRole("group", { name: `Row ${n}` });
    const cell = (n: number) => page.locator(".rows-table tbody tr", { has: page.locator(`td.num:text-is("${n}")`) }).locator(".line-cell");
    const lineA = await cell(1).locator("> q").textContent();
    await row(1).getByRole("button", { name: "Edit" }).click();
    expect(await page.getByLabel("Line for row 1").inputValue()).toBe(lineA);
    await page.getByLabel("Line B for row 1").fill("Ann1, my own line B for Acme 1.");
    await screenshot(page, "variants-edit-line-b");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "variants-edit-line-b-phone");
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.getByRole("button", { name: "Save lines" }).click();
    await expect.poll(() => cell(1).locator(".variant-lines li q").textContent()).toBe("Ann1, my own line B for Acme 1.");
    expect(await cell(1).locator("> q").textContent()).toBe(lineA);
    expect(await row(1).locator("xpath=ancestor::tr").locator(".row-mark-edited").count()).toBe(1);

    // Regenerate rewrites both lines of row 2.
    const before = [await cell(2).locator("> q").textContent(), await cell(2).locator(".variant-lines li q").textContent()];
    await row(2).getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(() => cell(2).locator("> q").textContent(), { timeout: 30_000 }).not.toBe(before[0]);
    expect(await cell(2).locator(".variant-lines li q").textContent()).not.toBe(before[1]);
    await screenshot(page, "variants-job-rows");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "variants-job-rows-phone");
    await page.setViewportSize({ width: 1200, height: 900 });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download CSV/ }).click()]);
    const [header] = readFileSync((await download.path())!).subarray(3).toString("utf8").split("\r\n");
    expect(header).toContain("personalized_line,personalized_line_2,line_status");
    expect(readFileSync((await download.path())!, "utf8")).toContain("Ann1, my own line B for Acme 1.");
  });
});
