import { CLIENT_TYPESCRIPT, QUICKSTART_CURL, WEBHOOK_CHECK_NODE, WEBHOOK_CHECK_PYTHON, WEBHOOK_CHECK_SHELL, WEBHOOK_TEST_CURL } from "./docs-examples";

/** /docs: guides with examples written here, then the reference read from /openapi.json in the page (no CDN). */
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const code = (language: string, text: string) => `<pre><code class="language-${language}">${escapeHtml(text)}</code></pre>`;

const GUIDES = `
<h2 id="quickstart">Quick start</h2>
<p>Every call takes <code>Authorization: Bearer &lt;API key or access token&gt;</code>. Errors are always
<code>{"error": {"code", "message", "details"}}</code>; lists take <code>?limit=&amp;cursor=</code>; rate-limited routes answer with
<code>RateLimit-Policy</code> and <code>RateLimit</code> headers (429 adds <code>Retry-After</code>).</p>
${code("sh", QUICKSTART_CURL)}
<h3>Typed client (TypeScript)</h3>
${code("ts", CLIENT_TYPESCRIPT)}

<h2 id="webhooks">Webhooks</h2>
<p>With a job's <code>webhookUrl</code> set, Openline POSTs <code>{"id", "type", "createdAt", "data": job}</code> for
<code>job.succeeded</code>, <code>job.failed</code> and <code>job.paused</code>, with the headers <code>Openline-Delivery</code> (the same on every
retry and redelivery: drop ids you have seen) and <code>Openline-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</code> with your
webhook secret (<code>GET /v1/account/webhook-secret</code>). Anything but a 2xx is retried after 10 s, 40 s, 160 s, 640 s and 2560 s.
Check the signature on the raw body before trusting it:</p>
<h3>Shell (openssl)</h3>
${code("sh", WEBHOOK_CHECK_SHELL)}
<h3>Node</h3>
${code("js", WEBHOOK_CHECK_NODE)}
<h3>Python</h3>
${code("python", WEBHOOK_CHECK_PYTHON)}
<h3>Test events, deliveries and redelivery</h3>
${code("sh", WEBHOOK_TEST_CURL)}
`;

// The reference: each operation with its id, security, parameters and the document's examples.
const REFERENCE_SCRIPT = `
fetch("/openapi.json").then(r=>r.json()).then(doc=>{
  const esc=s=>String(s).replace(/[&<>"]/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
  const pre=v=>"<pre>"+esc(JSON.stringify(v,null,2))+"</pre>";
  const examplesOf=content=>Object.entries(content||{}).flatMap(([type,media])=>
    media.example!==undefined?[[type,media.example]]:Object.entries(media.examples||{}).map(([name,e])=>[type+" · "+name,e.value]));
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths||{}))for(const [method,op] of Object.entries(ops)){
    const tag=(op.tags||["Other"])[0];(byTag[tag]??=[]).push({path,method,op});}
  document.getElementById("ops").innerHTML=Object.entries(byTag).map(([tag,ops])=>"<h3>"+esc(tag)+"</h3>"+ops.map(({path,method,op})=>
    "<details id='op-"+esc(op.operationId||"")+"'><summary><span class='m "+method+"'>"+method+"</span> <code>"+esc(path)+"</code> — "+esc(op.summary||"")+"</summary>"+
    "<p><code>"+esc(op.operationId||"")+"</code> · "+((op.security||[]).length?"needs a bearer token":"public")+"</p>"+
    (op.description?"<p>"+esc(op.description)+"</p>":"")+
    (op.parameters?"<h4>Parameters</h4><ul>"+op.parameters.map(p=>"<li><code>"+esc(p.name)+"</code> ("+esc(p.in)+(p.required?", required":"")+")"+(p.description?" — "+esc(p.description):"")+"</li>").join("")+"</ul>":"")+
    (op.requestBody?"<h4>Request body</h4><p>"+Object.keys(op.requestBody.content).map(t=>"<code>"+esc(t)+"</code>").join(" ")+"</p>"+examplesOf(op.requestBody.content).map(([t,e])=>"<p class='t'>Example ("+esc(t)+")</p>"+pre(e)).join(""):"")+
    "<h4>Answers</h4>"+Object.entries(op.responses).map(([status,r])=>"<p><b>"+esc(status)+"</b> "+esc(r.description||"")+"</p>"+
      examplesOf(r.content).map(([t,e])=>"<p class='t'>Example ("+esc(t)+")</p>"+pre(e)).join("")).join("")+
    "</details>").join("")).join("")+
    "<h3>Schemas</h3>"+pre(doc.components?.schemas||{});
});`;

export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Openline API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin:32px 0 8px;border-bottom:1px solid #ddd}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:6px 0;padding:8px 12px}
summary{cursor:pointer}code,pre{font:13px ui-monospace,monospace}pre{background:#f3f4f6;padding:8px;overflow:auto;border-radius:4px}
.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase}.t{margin:4px 0;color:#555;font-size:13px}
.get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c22}
</style></head><body><main><h1>Openline API</h1>
<p><a href="#quickstart">Quick start</a> · <a href="#webhooks">Webhooks</a> · <a href="#reference">Reference</a> ·
the document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1)</p>
${GUIDES}
<h2 id="reference">Reference</h2><div id="ops">Loading…</div></main>
<script>${REFERENCE_SCRIPT}</script></body></html>`;
