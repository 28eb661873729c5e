import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

/**
 * The web Worker (React Router, SSR). In `vite dev` the API Worker runs beside it as an auxiliary
 * Worker reached through the `API` service binding, with state shared with `npm start`.
 */
export default defineConfig({
  plugins: [
    cloudflare({
      viteEnvironment: { name: "ssr" },
      auxiliaryWorkers: [{ configPath: "../wrangler.toml" }],
      persistState: { path: "../.wrangler/state" },
    }),
    reactRouter(),
  ],
});
