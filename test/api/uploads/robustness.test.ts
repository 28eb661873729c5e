import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../worker/lib/errors";
import { storeUpload } from "../../../worker/uploads/store";
import { signup } from "../../helpers";
import { buildXlsx } from "../../fixtures/uploads/xlsx";
import { objectCount } from "./helpers";
import { getConfig } from "../../../worker/parse-config";

/** Every outcome must be an upload or a 4xx ApiError: a damaged file is never a 5xx. */
async function outcome(userId: string, body: Uint8Array | string): Promise<string> {
  try {
    const upload = await storeUpload(env, getConfig(env), userId, { filename: "fuzz", body });
    return `201 ${upload.rowCount}`;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    return String(error.status);
  }
}

function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

describe("damaged files never cause a 5xx", () => {
  it("an XLSX with bytes flipped anywhere, or cut anywhere", async () => {
    const user = await signup();
    const rows = [["First Name", "Company", "Email"], ...Array.from({ length: 40 }, (_, i) => [`Name ${i}`, `Company ${i}`, `p${i}@example.com`])];
    const valid = await buildXlsx([{ name: "Leads", rows }]);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const damaged = valid.slice();
      // Half the damage lands in the last 300 bytes, where the ZIP directory is.
      for (let n = 0; n <= next(6); n++) {
        const at = seed % 2 ? next(damaged.length) : damaged.length - 1 - next(Math.min(300, damaged.length));
        damaged[at] = next(256);
      }
      seen.add(await outcome(user.id, damaged));
    }
    for (let cut = 1; cut < valid.length; cut += Math.ceil(valid.length / 25)) seen.add(await outcome(user.id, valid.subarray(0, cut)));
    expect([...seen].some((result) => result.startsWith("4"))).toBe(true);
    const uploads = await env.DB.prepare("SELECT COUNT(*) AS n FROM uploads WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    // Only successful uploads left objects behind: three each.
    expect(await objectCount(user.id)).toBe(uploads!.n * 3);
  }, 120_000);

  it("random bytes and random text", async () => {
    const user = await signup();
    const alphabet = ' ,;\t|"\r\nabc=é@';
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      const bytes = Uint8Array.from({ length: 50 + next(400) }, () => (seed % 3 === 0 ? next(256) : alphabet.charCodeAt(next(alphabet.length)) & 0xff));
      await outcome(user.id, bytes);
    }
  });
});
