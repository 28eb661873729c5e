import { defineConfig } from "vitest/config";

/**
 * The web app's route and component tests, in Node: loaders and actions are called with a fake `API`
 * binding, components are rendered to HTML. Deliberately not web/vite.config.ts (no Cloudflare or
 * React Router plugins here).
 */
export default defineConfig({
  root: decodeURIComponent(new URL("../..", import.meta.url).pathname),
  test: {
    name: "web",
    include: ["test/web/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
