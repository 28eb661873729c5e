import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./chromium";
import { screenshot, signUp, throughContext, uploadWithPicker } from "./flows";

const appUrl = inject("appUrl");
const llmUrl = inject("llmUrl");

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && page && !page.isClosed()) {
    await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => undefined);
  }
});

describe("website research in a real browser", () => {
  it("is on by default with a website column, and the preview links the page a line cites", async () => {
    // A model that quotes the website fact sheet when there is one (the fake web serves acme.example).
    const scenario = (await (await fetch(`${llmUrl}/control/scenarios`, { method: "POST", body: JSON.stringify({ citeWebsite: true }) })).json()) as { id: string };
    await browser.clearCookies();
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page, appUrl, "research");
    await uploadWithPicker(page, "sites.csv", "First Name,Company,Website\r\nAnn,Acme Robotics,acme.example\r\nBo,Gone Corp,missing.example\r\n");
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, `We help warehouses plan their picking shifts. (${scenario.id})`);
    const toggle = page.getByLabel("Read each company's website");
    expect(await toggle.isChecked()).toBe(true);
    await screenshot(page, "research-context-phone");

    await page.getByRole("button", { name: "Continue to preview" }).click();
    const rows = page.getByRole("region", { name: "Preview rows with their opening lines" }).locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);
    const source = rows.first().getByRole("link", { name: "acme.example (homepage)" });
    expect(await source.getAttribute("href")).toBe("https://acme.example/");
    expect(await rows.first().locator(".line-cell").textContent()).toContain("I read that Acme Robotics builds");
    expect(await rows.nth(1).locator(".line-cell").textContent()).toContain("Website not used: the site answered with an error");
    await screenshot(page, "research-preview-phone");
  });
});
