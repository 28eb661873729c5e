import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./chromium";
import { open, screenshot, signUp, throughContext, uploadWithPicker } from "./flows";

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

  it("a saved context brings its research choice: off stays off when it is picked and when it is prefilled", async () => {
    await browser.clearCookies();
    page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await signUp(page, appUrl, "research-saved");
    const sites = "First Name,Company,Website\r\nAnn,Acme Robotics,acme.example\r\n";
    await uploadWithPicker(page, "sites.csv", sites);
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, "We help warehouses plan their picking shifts.");
    const toggle = page.getByLabel("Read each company's website");
    await toggle.uncheck();
    await page.getByLabel("Save this context as").fill("Without research");
    await page.getByRole("button", { name: "Save context" }).click();
    await page.getByText("Saved as “Without research”.").waitFor();
    // Back on, then the saved context picked again: its choice (off) comes with it.
    await toggle.check();
    await page.getByLabel("Use a saved context").selectOption({ label: "Without research" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => toggle.isChecked()).toBe(false);

    await page.getByRole("button", { name: "Continue to preview" }).click();
    await page.getByRole("region", { name: "Preview rows with their opening lines" }).locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);

    // The next list starts from the context that job used, research off included.
    await open(page, `${appUrl}/jobs/new`);
    await uploadWithPicker(page, "more-sites.csv", sites);
    await page.waitForURL("**/jobs/new?upload=*");
    await page.getByRole("button", { name: "Continue to mapping" }).click();
    await page.getByRole("button", { name: "Continue to context" }).click();
    await expect.poll(() => page.getByLabel("What do you sell? (in your words)").inputValue()).toBe("We help warehouses plan their picking shifts.");
    expect(await page.getByLabel("Read each company's website").isChecked()).toBe(false);
    await screenshot(page, "research-saved-context-prefilled");
  });
});
