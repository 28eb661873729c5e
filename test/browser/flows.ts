import { existsSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { artifactPath } from "./chromium";

/** Configured as ADMIN_EMAILS for the app under test (global-setup.ts). */
export const ADMIN_EMAIL = "admin@openline.test";

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}@browser.test`;

/** Opens a page and waits until React has hydrated it (before that, clicks and keys may be lost). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Signs up through the form and follows the verification email's link; lands in the new-job wizard. */
export async function signUp(page: Page, appUrl: string, label: string, options: { verify?: boolean } = {}): Promise<string> {
  const email = uniqueEmail(label);
  await open(page, `${appUrl}/signup`);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/jobs/new");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  if (options.verify === false) return email;
  await open(page, await emailLink(email, /Confirm your email/, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await page.getByText("Your address is confirmed").waitFor();
  await open(page, `${appUrl}/jobs/new`);
  return email;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * The link to `path` in the newest email to `address` whose subject matches, read the way a person
 * trying the product would: from npm start's `email to <address>: <subject>` line (the app's log) and
 * the text body wrangler wrote to the file named under it.
 */
export async function emailLink(address: string, subject: RegExp, path: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const file = newestEmailFile(address, subject);
    if (file && existsSync(file)) {
      const link = new RegExp(`https?://[^\\s]+${path.replace(/[/.]/g, "\\$&")}\\?token=[^\\s]+`).exec(readFileSync(file, "utf8"))?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${subject} with a ${path} link in test/artifacts/app.log`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function newestEmailFile(address: string, subject: RegExp): string | null {
  const lines = readFileSync(artifactPath("app.log"), "utf8").replace(ANSI, "").split(/\r?\n/);
  let found: string | null = null;
  lines.forEach((line, i) => {
    const match = /email to (\S+): (.*)$/.exec(line);
    if (!match || match[1] !== address || !subject.test(match[2]!)) return;
    const text = lines.slice(i + 1, i + 3).map((next) => /(?:^|\s)text: (.+)$/.exec(next)?.[1]).find(Boolean);
    if (text) found = text.trim();
  });
  return found;
}

/** Picks a file with the file picker; resolves when the wizard shows what the file doctor found. */
export async function uploadWithPicker(page: Page, name: string, content: Buffer | string, mimeType = "text/csv"): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
}

/** Drops a file on the drop zone, as a user dragging it from their desktop. */
export async function uploadByDrop(page: Page, name: string, content: Buffer, mimeType: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64, mimeType }) => {
      // Runs in the page (this file is type-checked with Node's types, not the DOM's).
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
      };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new page.DataTransfer();
      transfer.items.add(new page.File([bytes], name, { type: mimeType }));
      return transfer;
    },
    { name, base64: content.toString("base64"), mimeType },
  );
  await page.dispatchEvent('[data-testid="dropzone"]', "dragover", { dataTransfer });
  await page.dispatchEvent('[data-testid="dropzone"]', "drop", { dataTransfer });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
}

/** Goes from the file step through mapping and context to the preview, with the given service text. */
export async function throughContext(page: Page, service: string): Promise<void> {
  await page.getByRole("button", { name: "Continue to mapping" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Map your columns" }).isVisible()).toBe(true);
  await page.getByRole("button", { name: "Continue to context" }).click();
  await page.getByLabel("What do you sell? (in your words)").fill(service);
}

/** A semicolon-separated CSV as Excel in Europe saves it: UTF-8 with a BOM, CRLF line ends. */
export function excelCsv(rows: number, options: { accents?: boolean } = {}): Buffer {
  const header = "First Name;Last Name;Company;Job Title;Notes";
  const lines = Array.from({ length: rows }, (_, i) => {
    const first = options.accents && i % 3 === 0 ? "Zoë" : `Ann${i + 1}`;
    const company = options.accents && i % 4 === 1 ? "Müller & Söhne GmbH" : `Acme ${i + 1}`;
    return `${first};Lee;${company};Head of Sales;Opened a new office in Porto`;
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${[header, ...lines].join("\r\n")}\r\n`, "utf8")]);
}
