import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { emailLink, open, screenshot, signUp } from "./flows";
import { browserSession } from "./session";

const appUrl = inject("appUrl");
const NEW_PASSWORD = "a brand new long password";

const session = browserSession();
let page: Page;

/** The page at desktop width, then at a 390 px phone's. */
async function bothWidths(name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1200, height: 900 });
}

describe("accounts in a real browser", () => {
  it("signs up, follows the verification link, forgets the password, resets it and logs in with the new one", async () => {
    page = await session.freshPage();

    const email = await signUp(page, appUrl, "accounts", { verify: false });
    const banner = page.getByRole("status").filter({ hasText: "Confirm your email address." });
    await banner.waitFor();
    expect(await page.locator(".credits-pill").textContent()).toBe("0 credits");
    await bothWidths("accounts-1-unverified");

    // The link as npm start logged it: `email to <address>: <subject>` and the text file wrangler wrote.
    await open(page, await emailLink(email, /Confirm your email/, "/verify-email"));
    await bothWidths("accounts-2-verify");
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your address is confirmed").waitFor();
    await open(page, `${appUrl}/jobs`);
    await expect.poll(() => page.locator(".credits-pill").textContent()).toBe("500 credits");
    expect(await banner.count()).toBe(0);
    await screenshot(page, "accounts-3-verified");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${appUrl}/`);
    await open(page, `${appUrl}/login`);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText("Check your inbox").waitFor();
    await bothWidths("accounts-4-forgot");

    await open(page, await emailLink(email, /Reset your Openline password/, "/reset-password"));
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await bothWidths("accounts-5-reset");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.waitForURL("**/login?reset=done");
    await page.getByText("Your password is changed").waitFor();
    await screenshot(page, "accounts-6-reset-done");

    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("Wrong email or password.").waitFor();

    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/jobs");
    expect(await page.locator(".credits-pill").textContent()).toBe("500 credits");
    await screenshot(page, "accounts-7-logged-in");

    await open(page, `${appUrl}/account/settings`);
    await page.getByLabel("Name", { exact: true }).fill("Ann Lee");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByText("Saved.").first().waitFor();
    expect(await page.getByLabel("A job finished (with its counts and a link)").isChecked()).toBe(true);
    await bothWidths("accounts-8-settings");
  });
});

describe("one-click unsubscribe as mail providers send it (RFC 8058), through the web Worker", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };

  it("turns the kind off from the provider's servers (no Origin) and from a webmail page (a foreign Origin)", async () => {
    const email = `unsubscribe-${Date.now().toString(36)}@browser.test`;
    const signup = await fetch(`${appUrl}/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: "correct horse battery staple" }),
    });
    expect(signup.status).toBe(201);
    const auth = { Authorization: `Bearer ${((await signup.json()) as { accessToken: string }).accessToken}` };
    const confirm = new URL(await emailLink(email, /Confirm your email/, "/verify-email")).searchParams.get("token");
    const verified = await fetch(`${appUrl}/v1/auth/verify-email`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: confirm }) });
    expect(verified.status).toBe(200);
    const upload = await fetch(`${appUrl}/v1/uploads?filename=two.csv`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "text/csv" },
      body: "First Name,Company Name,Job Title\nAda,Acme Logistics,COO\nBen,Globex Software,CTO\n",
    });
    expect(upload.status).toBe(201);
    const created = await fetch(`${appUrl}/v1/jobs`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({
        uploadId: ((await upload.json()) as { id: string }).id,
        mode: "full",
        mapping: { first_name: "First Name", company: "Company Name", title: "Job Title" },
        context: { service: "We help sales teams book more meetings with research-backed cold emails.", tone: "friendly", language: "en" },
      }),
    });
    expect(created.status).toBe(202);
    const jobId = ((await created.json()) as { id: string }).id;
    await expect.poll(async () => ((await (await fetch(`${appUrl}/v1/jobs/${jobId}`, { headers: auth })).json()) as { status: string }).status, { timeout: 30_000 }).toBe("succeeded");

    const token = new URL(await emailLink(email, /Your Openline job is done/, "/unsubscribe")).searchParams.get("token")!;
    const oneClick = `${appUrl}/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
    const settings = async () => ((await (await fetch(`${appUrl}/v1/account/notifications`, { headers: auth })).json()) as { jobFinished: boolean }).jobFinished;
    const turnBackOn = async () => {
      const on = await fetch(`${appUrl}/v1/account/notifications`, { method: "PATCH", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ jobFinished: true }) });
      expect(on.status).toBe(200);
      expect(await settings()).toBe(true);
    };
    const senders: Array<Record<string, string>> = [{}, { Origin: "https://mail.example", "Sec-Fetch-Site": "cross-site" }];
    for (const headers of senders) {
      const response = await fetch(oneClick, { method: "POST", headers: { ...form, ...headers }, body: "List-Unsubscribe=One-Click" });
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(await response.json()).toEqual({ kind: "jobFinished", enabled: false });
      expect(await settings()).toBe(false);
      await turnBackOn();
    }
    // The web Worker's cross-site check still refuses every other write from that origin.
    const other = await fetch(`${appUrl}/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { ...form, Origin: "https://mail.example", Cookie: "__Host-ol_csrf=x" },
      body: new URLSearchParams({ token }),
    });
    expect(other.status).toBe(403);
    expect(await settings()).toBe(true);
  });
});
