import type { App } from "../types";
import { DOCS_PAGE } from "./docs-page";

/** The OpenAPI document is generated from the route schemas; /docs (docs-page.ts) renders guides and it, with no CDN. */
export function registerDocs(app: App) {
  app.doc31("/openapi.json", () => ({
    openapi: "3.1.0",
    info: {
      title: "Openline API",
      version: "1.0.0",
      description: "Personalized opening lines for prospect lists. Errors: {error: {code, message, details}}.",
    },
    // Relative: the origin this document was fetched from (the front door in production, npm start locally).
    servers: [{ url: "/", description: "The origin serving this document" }],
  }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /v1/auth/* or an API key (olk_…)",
  });
  app.get("/docs", (c) => c.html(DOCS_PAGE));
}
