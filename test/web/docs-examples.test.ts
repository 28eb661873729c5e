import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { DOCS_PAGE } from "../../worker/routes/operations/docs-page";
import { WEBHOOK_CHECK_NODE } from "../../worker/routes/operations/docs-examples";

/** As worker/jobs/webhook.ts signs (test/api/jobs/webhook.test.ts checks the Worker's own headers the same way). */
function signatureHeader(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

type Verify = (rawBody: string | Buffer, header: string, secret: string, toleranceSeconds?: number) => boolean;

/** The Node example exactly as /docs shows it, loaded as a module. */
async function docsVerifier(): Promise<Verify> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "openline-docs-")), "verify.mjs");
  writeFileSync(file, WEBHOOK_CHECK_NODE);
  return ((await import(pathToFileURL(file).href)) as { verifyOpenlineSignature: Verify }).verifyOpenlineSignature;
}

describe("/docs examples", () => {
  it("the Node signature check accepts a signature made as the Worker makes it and refuses tampering, a wrong secret or an old timestamp", async () => {
    const verify = await docsVerifier();
    const body = JSON.stringify({ id: "whd_1", type: "job.succeeded", createdAt: "2026-11-22T10:00:00.000Z", data: { id: "job_1", note: "Zoë – 李雷" } });
    const secret = "whsec_docs_example";
    const header = signatureHeader(secret, body);
    expect(verify(body, header, secret)).toBe(true);
    expect(verify(Buffer.from(body), header, secret)).toBe(true);
    expect(verify(body.replace("job_1", "job_2"), header, secret)).toBe(false);
    expect(verify(body, header, "whsec_other")).toBe(false);
    expect(verify(body, signatureHeader(secret, body, Math.floor(Date.now() / 1000) - 3600), secret)).toBe(false);
    expect(verify(body, "garbage", secret)).toBe(false);
  });

  it("the page shows the quick start, the typed client and the signature check in shell, Node and Python", () => {
    for (const text of ["id=\"quickstart\"", "id=\"webhooks\"", "openssl dgst -sha256 -hmac", "verifyOpenlineSignature", "def verify_openline_signature", "openapi-fetch", "/v1/webhook-deliveries/test"]) {
      expect(DOCS_PAGE).toContain(text);
    }
    // Examples are escaped into the HTML, not injected as markup.
    expect(DOCS_PAGE).toContain("&lt;API key or access token&gt;");
    expect(DOCS_PAGE).not.toContain("createClient<paths>");
  });
});
