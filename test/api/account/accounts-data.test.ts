import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { waitForEmail } from "../../email";
import { unsubscribeToken } from "../../../worker/notifications/unsubscribe";
import { call, expectError, json, PASSWORD, signup, uniqueIp } from "../../helpers";
import { getConfig } from "../../../worker/parse-config";

const tokenRows = async (userId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM account_tokens WHERE user_id = ?").bind(userId).first<{ n: number }>())!.n;

describe("export and deletion of the accounts data", () => {
  it("exports the verification, the notification settings and the emailed links (never their tokens)", async () => {
    const user = await signup();
    await call("PATCH", "/v1/account/notifications", { token: user.accessToken, body: { creditsLow: false } });
    await call("POST", "/v1/auth/password-reset", { body: { email: user.email }, ip: uniqueIp() });
    await waitForEmail(user.email, /Reset your Openline password/);
    const data = await json(await call("GET", "/v1/account/export", { token: user.accessToken }));
    expect(data.user).toMatchObject({ emailVerified: true, emailVerifiedAt: expect.any(String) });
    expect(data.notifications).toEqual({ jobFinished: true, jobFailed: true, jobPaused: true, creditsLow: false, creditsLowNotifiedFor: null });
    expect(data.emailTokens.map((token: { purpose: string }) => token.purpose).sort()).toEqual(["password_reset", "verify_email"]);
    expect(data.emailTokens[0]).toMatchObject({ email: user.email, expiresAt: expect.any(String) });
    expect(JSON.stringify(data.emailTokens)).not.toMatch(/tokenHash|token_hash|[0-9a-f]{64}/);
  });

  it("deletes the emailed links with the account; an old unsubscribe link then answers 404", async () => {
    const user = await signup();
    expect(await tokenRows(user.id)).toBe(1);
    const token = await unsubscribeToken(getConfig(env), user.id, "jobFinished");
    expect((await call("DELETE", "/v1/account", { token: user.accessToken, body: { password: PASSWORD } })).status).toBe(204);
    expect(await tokenRows(user.id)).toBe(0);
    await expectError(await call("POST", `/v1/notifications/unsubscribe?token=${token}`, { ip: uniqueIp() }), 404, "not_found");
  });
});
