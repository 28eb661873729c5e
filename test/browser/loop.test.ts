import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserSession } from "./session";
import { ADMIN_EMAIL, emailLink, excelCsv, open, screenshot, signUp, throughContext, uploadByDrop, uploadWithPicker } from "./flows";

const appUrl = inject("appUrl");
const llmUrl = inject("llmUrl");
const stripeUrl = inject("stripeUrl");
const SERVICE = "We help sales teams book more meetings with research-backed cold emails.";

const session = browserSession();
const freshPage = () => session.freshPage();
let page: Page;

describe("the whole loop in a real browser", () => {
  it("signs up, uploads an Excel-style CSV, maps, previews, runs to 100% and downloads the file", async () => {
    page = await freshPage();
    await signUp(page, appUrl, "loop");

    await uploadWithPicker(page, "prospects.csv", excelCsv(12, { accents: true }));
    await page.waitForURL("**/jobs/new?upload=*");
    const findings = page.getByRole("list", { name: "What we found in your file" });
    await expect.poll(() => findings.textContent()).toContain("Columns are separated by semicolons (;)");
    expect(await findings.textContent()).toContain("12 prospects in 5 columns");
    await screenshot(page, "wizard-1-file");

    await page.getByRole("button", { name: "Continue to mapping" }).click();
    await expect.poll(() => page.getByLabel("Company (required)").inputValue()).toBe("Company");
    expect(await page.getByLabel("First name").inputValue()).toBe("First Name");
    expect(await page.getByRole("region", { name: "Sample rows with the mapping applied" }).textContent()).toContain("Zoë");
    await screenshot(page, "wizard-2-map");

    await page.getByRole("button", { name: "Continue to context" }).click();
    await page.getByLabel("What do you sell? (in your words)").fill(SERVICE);
    expect(await page.getByTestId("cost").textContent()).toBe("12 rows → 12 credits; you have 500");
    // No website or email column in this file: website research is offered but cannot be switched on.
    expect(await page.getByLabel("Read each company's website").isDisabled()).toBe(true);
    await screenshot(page, "wizard-3-context");

    await page.getByRole("button", { name: "Continue to preview" }).click();
    const previewRows = page.getByRole("region", { name: "Preview rows with their opening lines" }).locator("tbody tr");
    await expect.poll(() => previewRows.count(), { timeout: 60_000 }).toBe(5);
    expect((await previewRows.first().locator(".line-cell").textContent())?.length).toBeGreaterThan(10);
    await screenshot(page, "wizard-4-preview");
    // A row expands to what its line rests on.
    await previewRows.first().getByText(/^What this line rests on/).click();
    await expect.poll(() => previewRows.first().locator(".evidence li").count()).toBeGreaterThan(0);
    expect(await previewRows.first().locator(".evidence").textContent()).toContain("company");
    await screenshot(page, "wizard-4-preview-evidence");

    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("heading", { name: "Run the whole list" }).waitFor();
    await screenshot(page, "wizard-5-run");
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);

    await expect.poll(() => page.getByTestId("percent").textContent(), { timeout: 90_000, interval: 500 }).toBe("100%");
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 30_000 }).toBe("Done");
    expect(await page.getByTestId("succeeded").textContent()).toBe("12");
    await screenshot(page, "job-done");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe("First Name,Last Name,Company,Job Title,Notes,personalized_line,line_status");
    expect(text).toContain("Zoë");
    expect(text).toContain("Müller & Söhne GmbH");
    expect(text.includes("\n") && !/[^\r]\n/.test(text)).toBe(true);
  });

  it("short of credits, offers to buy them or to run the first rows the balance covers", async () => {
    page = await freshPage();
    await signUp(page, appUrl, "short");
    await uploadWithPicker(page, "big-list.csv", excelCsv(600));
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, SERVICE);
    expect(await page.getByTestId("cost").textContent()).toBe("600 rows → 600 credits; you have 500");
    expect(await page.locator(".cost-warning").textContent()).toContain("You're 100 credits short.");
    await page.getByRole("button", { name: "Continue to preview" }).click();
    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("heading", { name: "Run the whole list" }).waitFor();
    // The budget is on the page, not hidden in options; the main action runs what the balance covers.
    expect(await page.getByLabel("Stop after this many credits (optional)").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Run the first 500 rows" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: /^Start run/ }).count()).toBe(0);
    const notice = page.locator(".cost");
    expect(await notice.getByRole("button", { name: /^Buy 1,000 credits/ }).isVisible()).toBe(true);
    await screenshot(page, "run-short-of-credits");

    // The way to buy: straight to Stripe Checkout (the fake Stripe's page, answered here) for one pack.
    await page.route("https://checkout.stripe.test/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>Fake Stripe Checkout</h1>" }));
    await notice.getByRole("button", { name: /^Buy 1,000 credits/ }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const sessions = (await (await fetch(`${stripeUrl}/__control/requests?path=/v1/checkout/sessions`)).json()) as { data: { params: Record<string, unknown> }[] };
    expect(sessions.data.at(-1)?.params).toMatchObject({ mode: "payment", line_items: [{ price: "price_pack", quantity: "1" }] });
  });

  it("explains a file it cannot read, dropped on the drop zone", async () => {
    page = await freshPage();
    await signUp(page, appUrl, "broken");
    // A zip signature and then nothing a workbook needs.
    const broken = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300, 7)]);
    await uploadByDrop(page, "leads.xlsx", broken, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain("We couldn't use that file");
    expect(await alert.textContent()).toMatch(/Excel|CSV/);
    expect(page.url()).toMatch(/\/jobs\/new$/);
    await screenshot(page, "upload-unparseable");
  });

  it("cancels a run midway: the job stops and what is left is not charged", async () => {
    // A slow model for this test only: its scenario id travels in the service description.
    const scenario = (await (await fetch(`${llmUrl}/control/scenarios`, { method: "POST", body: JSON.stringify({ latencyMs: 2500 }) })).json()) as { id: string };
    page = await freshPage();
    await signUp(page, appUrl, "cancel");
    await uploadWithPicker(page, "slow.csv", excelCsv(300));
    await page.waitForURL("**/jobs/new?upload=*");
    await throughContext(page, `${SERVICE} (${scenario.id})`);
    await page.getByRole("button", { name: "Continue to preview" }).click();
    await page.getByRole("button", { name: "Continue to run" }).click();
    await page.getByRole("button", { name: /^Start run/ }).click();
    await page.waitForURL(/\/jobs\/job_[^/?]+$/);
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 60_000 }).toBe("Running");

    await page.getByRole("button", { name: "Cancel run" }).click();
    await page.getByRole("button", { name: "Yes, cancel the run" }).click();
    await expect.poll(() => page.locator(".page-head .badge").textContent(), { timeout: 60_000 }).toBe("Canceled");
    const processed = Number((await page.getByTestId("succeeded").textContent())!.replace(/,/g, ""));
    expect(processed).toBeLessThan(300);
    expect(await page.getByText(/^Canceled after/).textContent()).toMatch(/of 300 rows/);
    await screenshot(page, "job-canceled");

    // Only written lines are charged: once the rows in flight at the cancel have settled, nothing is
    // held any more and the balance is 500 minus the job's charge, in the header too.
    const jobId = new URL(page.url()).pathname.split("/").pop()!;
    const settled = async () => {
      const credits = (await (await page.request.get(`${appUrl}/v1/credits`)).json()) as { balance: number; held: number };
      const job = (await (await page.request.get(`${appUrl}/v1/jobs/${jobId}`)).json()) as { creditsCharged: number; succeeded: number };
      return { held: credits.held, balancePlusCharged: credits.balance + job.creditsCharged, chargedIsWritten: job.creditsCharged === job.succeeded, balance: credits.balance };
    };
    await expect.poll(async () => (({ balance, ...rest }) => rest)(await settled()), { timeout: 30_000, interval: 1_000 }).toEqual({ held: 0, balancePlusCharged: 500, chargedIsWritten: true });
    // The page follows by itself (no reload): nothing on hold, the header's balance updated.
    await expect.poll(() => page.getByTestId("held").textContent(), { timeout: 15_000 }).toBe("0");
    await expect.poll(() => page.locator(".credits-pill").textContent(), { timeout: 15_000 }).toBe(`${(await settled()).balance.toLocaleString("en-US")} credits`);
    await page.reload();
    expect(await page.locator(".credits-pill").textContent()).toBe(`${(await settled()).balance.toLocaleString("en-US")} credits`);
  });
});

describe("account and admin in a real browser", () => {
  it("creates an API key shown once, and lets an admin grant credits with a reason", async () => {
    page = await freshPage();
    const customer = `customer-${Date.now()}@browser.test`;
    const created = await fetch(`${appUrl}/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: customer, password: "correct horse battery staple" }),
    });
    expect(created.status).toBe(201);
    // The customer confirms their address (the link from the email npm start logged): 500 credits.
    const link = new URL(await emailLink(customer, /Confirm your email/, "/verify-email"));
    const verified = await fetch(`${appUrl}/v1/auth/verify-email`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: link.searchParams.get("token") }),
    });
    expect(verified.status).toBe(200);

    // Signing up with the keyboard alone: labelled fields in order, Enter submits.
    await open(page, `${appUrl}/signup`);
    await page.getByLabel("Your name (optional)").focus();
    await page.keyboard.type("Ada Admin");
    await page.keyboard.press("Tab");
    await page.keyboard.type(ADMIN_EMAIL);
    await page.keyboard.press("Tab");
    await page.keyboard.type("correct horse battery staple");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/jobs/new");
    // ADMIN_EMAILS grants admin only to a verified address.
    expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
    await open(page, await emailLink(ADMIN_EMAIL, /Confirm your email/, "/verify-email"));
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your address is confirmed").waitFor();
    await page.getByRole("link", { name: "Admin" }).waitFor();

    await open(page, `${appUrl}/account/api-keys`);
    await page.getByLabel("Name").fill("CRM sync");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = page.getByLabel("New API key");
    await key.waitFor();
    const secret = await key.inputValue();
    expect(secret).toMatch(/^olk_/);
    const me = await fetch(`${appUrl}/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(((await me.json()) as { email: string }).email).toBe(ADMIN_EMAIL);
    await page.reload();
    expect(await page.getByLabel("New API key").count()).toBe(0);
    expect(await page.getByRole("region", { name: "Active API keys" }).textContent()).toContain(`${secret.slice(0, 12)}…`);

    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByLabel("Email contains").fill(customer);
    await page.getByRole("button", { name: "Search" }).click();
    const grant = page.getByRole("form", { name: `Grant credits to ${customer}` });
    await grant.getByLabel("Credits (negative to remove)").fill("1000");
    await grant.getByLabel("Reason").fill("Concierge onboarding");
    await grant.getByRole("button", { name: "Grant" }).click();
    await expect.poll(() => grant.textContent(), { timeout: 15_000 }).toContain("New balance 1,500");
    await screenshot(page, "admin-grant");
  });

  it("refuses another site's form post riding the session, and keeps files for the days the user chose", async () => {
    page = await freshPage();
    await signUp(page, appUrl, "csrf");
    await open(page, `${appUrl}/account/settings`);
    const secret = await page.getByLabel("Webhook secret").inputValue();
    // Another origin on the same site (the fake LLM's port): the browser sends the SameSite=Lax cookies.
    await page.goto(`${llmUrl}/control/scenarios`);
    await page.evaluate(async (target) => {
      await fetch(target, { method: "POST", body: new URLSearchParams({ intent: "rotate-secret" }), credentials: "include", mode: "no-cors" });
    }, `${appUrl}/account/settings`);
    await open(page, `${appUrl}/account/settings`);
    expect(await page.getByLabel("Webhook secret").inputValue()).toBe(secret);

    await page.getByLabel("Days").fill("30");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.").waitFor();
    await open(page, `${appUrl}/account/settings`);
    expect(await page.getByLabel("Days").inputValue()).toBe("30");
    await screenshot(page, "settings-retention");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "settings-retention-phone");
  });
});
