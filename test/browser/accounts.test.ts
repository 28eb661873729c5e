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
