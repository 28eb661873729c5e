import { defineConfig } from "vitest/config";

/** `vitest run` runs every project: the API Worker in workerd, the web app, the browser tests. */
export default defineConfig({
  test: {
    projects: ["./vitest.workers.config.ts", "./test/web/vitest.config.ts", "./test/browser/vitest.config.ts"],
  },
});
