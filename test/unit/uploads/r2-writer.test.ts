import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PART_SIZE, R2ObjectWriter } from "../../../worker/uploads/r2-writer";

const key = () => `test-unit/${crypto.randomUUID()}/object`;

describe("R2ObjectWriter starting small (initialBytes)", () => {
  it("grows its buffer as text arrives, characters split over the growth intact, and stores one object", async () => {
    const name = key();
    const out = new R2ObjectWriter(env.FILES, name, { initialBytes: 16 });
    let expected = "";
    for (let i = 0; i < 2_000; i++) {
      const piece = `${i},Zoë 李雷 🙂;`;
      out.writeString(piece);
      expected += piece;
    }
    await out.flush();
    await out.close();
    expect(await (await env.FILES.get(name))!.text()).toBe(expected);
    expect(out.size).toBe(new TextEncoder().encode(expected).length);
  });

  it("goes on in parts of exactly PART_SIZE once it has grown to one", async () => {
    const name = key();
    const out = new R2ObjectWriter(env.FILES, name, { initialBytes: 64 * 1024 });
    const line = new TextEncoder().encode(`${"x".repeat(1000)},Łukasz\n`);
    const lines = Math.ceil((2 * PART_SIZE + 12_345) / line.length);
    for (let i = 0; i < lines; i++) {
      out.write(line);
      if (i % 1000 === 0) await out.flush();
    }
    await out.close();
    const stored = new Uint8Array(await (await env.FILES.get(name))!.arrayBuffer());
    expect(stored.length).toBe(lines * line.length);
    for (const at of [0, PART_SIZE - 7, 2 * PART_SIZE + 3, stored.length - line.length]) {
      const offset = at - (at % line.length);
      expect(stored.subarray(offset, offset + line.length)).toEqual(line);
    }
  });
});
