import { describe, expect, it } from "vitest";
import { ByteReader, READ_BYTES } from "../../../worker/uploads/byte-reader";

const pattern = (length: number) => new Uint8Array(length).map((_, i) => (i * 31 + (i >> 8)) & 0xff);

/** Reads everything, copying each chunk (a chunk is only valid until the next read). */
async function readAll(reader: ByteReader): Promise<{ bytes: Uint8Array; sizes: number[] }> {
  const parts: Uint8Array[] = [];
  for (let chunk = await reader.read(); chunk; chunk = await reader.read()) parts.push(chunk.slice());
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, sizes: parts.map((part) => part.length) };
}

describe("ByteReader", () => {
  it("reads a runtime byte stream into its own buffer, a read at most READ_BYTES, every byte in order", async () => {
    const bytes = pattern(300_001);
    const { readable, writable } = new IdentityTransformStream();
    const writer = writable.getWriter();
    const writing = (async () => {
      for (const [start, end] of [[0, 1], [1, 100_000], [100_000, 100_003], [100_003, 300_001]] as const) await writer.write(bytes.slice(start, end));
      await writer.close();
    })();
    const read = await readAll(new ByteReader(readable));
    await writing;
    expect(read.bytes).toEqual(bytes);
    expect(Math.max(...read.sizes)).toBeLessThanOrEqual(READ_BYTES);
  });

  it("reads a stream built in JavaScript chunk by chunk, as enqueued", async () => {
    const chunks = [pattern(100_000), new Uint8Array(0), pattern(7)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const read = await readAll(new ByteReader(stream));
    // The empty chunk is skipped, not mistaken for the end.
    expect(read.sizes).toEqual([100_000, 7]);
  });

  it("returns null at the end of an empty stream and after a cancel", async () => {
    const { readable, writable } = new IdentityTransformStream();
    const closing = writable.close();
    const reader = new ByteReader(readable);
    expect(await reader.read()).toBeNull();
    await closing;
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(pattern(10)) });
    const cancelled = new ByteReader(endless);
    expect(await cancelled.read()).toHaveLength(10);
    await cancelled.cancel();
    expect(await cancelled.read()).toBeNull();
  });
});
