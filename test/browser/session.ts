import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { launchBrowser } from "./chromium";
import { screenshot } from "./flows";

/**
 * One Chromium per test file and a fresh page per test (cookies cleared, page errors logged); a
 * failing test leaves a picture of its page behind, next to the app's log. A test whose pages logged
 * a Content-Security-Policy violation fails: the app must pass its own CSP (ADR 068).
 */
export function browserSession() {
  let browser: BrowserContext | undefined;
  let last: Page | undefined;
  const cspViolations: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && last && !last.isClosed()) {
      await screenshot(last, `failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => undefined);
    }
    const violations = cspViolations.splice(0);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  });
  return {
    async freshPage(): Promise<Page> {
      await browser!.clearCookies();
      last = await browser!.newPage();
      const page = last;
      page.on("pageerror", (error) => console.error(`[page error] ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
  };
}
