import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchBrowser } from "./chromium";
import { screenshot } from "./flows";

/**
 * One Chromium per test file and a fresh page per test (cookies cleared, page errors logged); a
 * failing test leaves a picture of its page behind, next to the app's log.
 */
export function browserSession() {
  let browser: BrowserContext | undefined;
  let last: Page | undefined;
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
  });
  return {
    async freshPage(): Promise<Page> {
      await browser!.clearCookies();
      last = await browser!.newPage();
      last.on("pageerror", (error) => console.error(`[page error] ${error.message}`));
      return last;
    },
  };
}
