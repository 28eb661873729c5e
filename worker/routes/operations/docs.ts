import type { App } from "../../types";
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
  app.get("/docs", async (c) => {
    // Not frameable, not sniffable, and only its own inline script runs (ADR 068).
    c.header("X-Frame-Options", "DENY");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Content-Security-Policy", await docsPolicy());
    return c.html(DOCS_PAGE);
  });
}

let policy: Promise<string> | undefined;
function docsPolicy(): Promise<string> {
  policy ??= (async () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(DOCS_PAGE)![1]!;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script)));
    const hash = btoa(String.fromCharCode(...digest));
    return `default-src 'self'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;
  })();
  return policy;
}
