import type { App } from "../../types";

/** The OpenAPI document is generated from the route schemas; /docs renders it with no CDN. */
export function registerDocs(app: App) {
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Openline API",
      version: "1.0.0",
      description: "Personalized opening lines for prospect lists. Errors: {error: {code, message, details}}.",
    },
    servers: [{ url: new URL(c.req.url).origin }],
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

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Openline API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin:32px 0 8px;border-bottom:1px solid #ddd}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:6px 0;padding:8px 12px}
summary{cursor:pointer}code,pre{font:13px ui-monospace,monospace}pre{background:#f3f4f6;padding:8px;overflow:auto;border-radius:4px}
.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase}
.get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c22}
</style></head><body><main><h1>Openline API</h1><p>Generated from <a href="/openapi.json">/openapi.json</a>.</p>
<div id="ops">Loading…</div></main>
<script>
fetch("/openapi.json").then(r=>r.json()).then(doc=>{
  const esc=s=>String(s).replace(/[&<>"]/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths||{}))for(const [method,op] of Object.entries(ops)){
    const tag=(op.tags||["Other"])[0];(byTag[tag]??=[]).push({path,method,op});}
  document.getElementById("ops").innerHTML=Object.entries(byTag).map(([tag,ops])=>"<h2>"+esc(tag)+"</h2>"+ops.map(({path,method,op})=>
    "<details><summary><span class='m "+method+"'>"+method+"</span> <code>"+esc(path)+"</code> — "+esc(op.summary||"")+"</summary>"+
    (op.requestBody?"<h4>Request body</h4><pre>"+esc(JSON.stringify(op.requestBody.content,null,2))+"</pre>":"")+
    (op.parameters?"<h4>Parameters</h4><pre>"+esc(JSON.stringify(op.parameters,null,2))+"</pre>":"")+
    "<h4>Responses</h4><pre>"+esc(JSON.stringify(op.responses,null,2))+"</pre></details>").join("")).join("")+
    "<h2>Schemas</h2><pre>"+esc(JSON.stringify(doc.components?.schemas||{},null,2))+"</pre>";
});
</script></body></html>`;
