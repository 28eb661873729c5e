/**
 * The code examples /docs shows. Plain strings so a Node test (test/web/docs-examples.test.ts) runs
 * the Node signature check against a real signature: an example that stops working fails npm test.
 */

export const QUICKSTART_CURL = `# An API key from Account → API keys (or an access token from POST /v1/auth/login)
export OPENLINE=https://app.openline.example OPENLINE_KEY=olk_…

# 1. Upload the list (raw body; multipart/form-data with a "file" field works too)
curl -sS "$OPENLINE/v1/uploads?filename=leads.csv" -H "Authorization: Bearer $OPENLINE_KEY" \\
  -H "Content-Type: text/csv" --data-binary @leads.csv          # → {"id":"upl_…","columns":[…],"suggestedMapping":{…}}

# 2. Start the job (the same Idempotency-Key again creates nothing new)
curl -sS "$OPENLINE/v1/jobs" -H "Authorization: Bearer $OPENLINE_KEY" -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" -d '{"uploadId":"upl_…","mode":"full",
  "mapping":{"company":"Company Name","first_name":"First Name","title":"Job Title"},
  "context":{"service":"We run outbound campaigns for B2B SaaS teams"},
  "webhookUrl":"https://crm.example/hooks/openline"}'           # → 202 {"id":"job_…","status":"queued",…}

# 3. Wait: poll (or take the webhook, or the WebSocket at /v1/jobs/{id}/events)
curl -sS "$OPENLINE/v1/jobs/job_…" -H "Authorization: Bearer $OPENLINE_KEY"   # until "status":"succeeded"

# 4. Download the list with personalized_line and line_status
curl -sS "$OPENLINE/v1/jobs/job_…/output?format=csv" -H "Authorization: Bearer $OPENLINE_KEY" -o leads-with-lines.csv`;

export const WEBHOOK_TEST_CURL = `# Send a signed webhook.test event to your endpoint now (default: your latest delivery's URL)
curl -sS "$OPENLINE/v1/webhook-deliveries/test" -H "Authorization: Bearer $OPENLINE_KEY" \\
  -H "Content-Type: application/json" -d '{"url":"https://crm.example/hooks/openline"}'

# What was sent, with each delivery's last answer; send one again (same Openline-Delivery id, signed anew)
curl -sS "$OPENLINE/v1/webhook-deliveries" -H "Authorization: Bearer $OPENLINE_KEY"
curl -sS -X POST "$OPENLINE/v1/webhook-deliveries/whd_…/redeliver" -H "Authorization: Bearer $OPENLINE_KEY"`;

export const WEBHOOK_CHECK_SHELL = `# Openline-Signature: t=<unix>,v1=<hex>; the raw body saved as body.json (not re-encoded)
t=1764670000
printf '%s.%s' "$t" "$(cat body.json)" | openssl dgst -sha256 -hmac "$OPENLINE_WEBHOOK_SECRET" | sed 's/^.* //'
# equal to v1 (and t within a few minutes of now): the webhook is from Openline`;

export const WEBHOOK_CHECK_NODE = `import { createHmac, timingSafeEqual } from "node:crypto";

/** rawBody: the request body exactly as received (a string or Buffer), before any JSON parsing. */
export function verifyOpenlineSignature(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(String(header).split(",").map((part) => part.split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${t}.\`).update(rawBody).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Express: app.post("/hooks/openline", express.raw({ type: "application/json" }), (req, res) => {
//   if (!verifyOpenlineSignature(req.body, req.get("Openline-Signature"), process.env.OPENLINE_WEBHOOK_SECRET))
//     return res.sendStatus(400);
//   const event = JSON.parse(req.body);   // {id, type, createdAt, data}; drop an id you have seen
//   res.sendStatus(204);
// });`;

export const WEBHOOK_CHECK_PYTHON = `import hashlib, hmac, time

def verify_openline_signature(raw_body: bytes, header: str, secret: str, tolerance: int = 300) -> bool:
    """raw_body: the request body exactly as received, before any JSON parsing."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        t = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(time.time() - t) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))

# Flask: ok = verify_openline_signature(request.get_data(), request.headers["Openline-Signature"], SECRET)`;

export const CLIENT_TYPESCRIPT = `// npm install openapi-fetch; the types: npx openapi-typescript $OPENLINE/openapi.json -o openline.d.ts
import createClient from "openapi-fetch";
import type { paths } from "./openline";

const api = createClient<paths>({ baseUrl: process.env.OPENLINE, headers: { Authorization: \`Bearer \${process.env.OPENLINE_KEY}\` } });
const { data: job, error } = await api.GET("/v1/jobs/{id}", { params: { path: { id: "job_…" } } });`;
