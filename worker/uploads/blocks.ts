import { LIMITS, rowTooLarge } from "./limits";

export const BLOCK_BYTES = 1024 * 1024;

/**
 * Reads a byte stream in blocks of `blockBytes` (1 MiB: fewer, larger scans). A record cut by a block's
 * end is handed back as `tail` and put in front of the next block; a block is valid until the next
 * call but one. `transform` turns each chunk into the
 * bytes to scan (e.g. re-encoding to UTF-8), `final` flushes it. Tests use tiny blocks to cut records
 * at every byte.
 */
export class BlockReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private done = false;
  /** Bytes read but not yet handed out (a chunk larger than the room left in a block). */
  private pending: Uint8Array = new Uint8Array(0);
  /**
   * Two buffers used in turn for the blocks: the previous block stays valid while the next is built
   * (its unfinished record is copied in front), and no 1 MiB array is allocated per block.
   */
  private readonly buffers: (ArrayBuffer | null)[] = [null, null];
  private turn = 0;

  constructor(
    stream: ReadableStream<Uint8Array>,
    private readonly transform?: { chunk: (bytes: Uint8Array) => Uint8Array; final: () => Uint8Array },
    private skip = 0,
    private readonly blockBytes = BLOCK_BYTES,
  ) {
    this.reader = stream.getReader();
  }

  /** The next block (with `tail` in front), or null when the stream is over and nothing is left. */
  async next(tail: Uint8Array): Promise<{ bytes: Uint8Array; final: boolean } | null> {
    if (this.done && this.pending.length === 0) return null;
    const parts: Uint8Array[] = tail.length > 0 ? [tail] : [];
    let fresh = 0;
    for (;;) {
      if (this.pending.length > 0) {
        const take = Math.min(this.pending.length, this.blockBytes - fresh);
        parts.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        fresh += take;
        if (fresh >= this.blockBytes) break;
      }
      if (this.done) break;
      const { done, value } = await this.reader.read();
      if (done) {
        this.done = true;
        if (this.transform) this.pending = this.transform.final();
        continue;
      }
      let chunk = value;
      if (this.skip > 0) {
        const skipped = Math.min(this.skip, chunk.length);
        chunk = chunk.subarray(skipped);
        this.skip -= skipped;
      }
      this.pending = this.transform ? this.transform.chunk(chunk) : chunk;
    }
    const final = this.done && this.pending.length === 0;
    return { bytes: this.join(parts, tail.length + fresh), final };
  }

  private join(parts: Uint8Array[], size: number): Uint8Array {
    this.turn ^= 1;
    let buffer = this.buffers[this.turn];
    if (!buffer || buffer.byteLength < size) buffer = this.buffers[this.turn] = new ArrayBuffer(Math.max(size, this.blockBytes + 64 * 1024));
    const out = new Uint8Array(buffer, 0, size);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  async cancel(): Promise<void> {
    this.done = true;
    this.pending = new Uint8Array(0);
    await this.reader.cancel().catch(() => undefined);
  }
}

export function concat(parts: Uint8Array[], size = parts.reduce((sum, part) => sum + part.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Refuses a record that has grown past the row limit without ending. */
export function checkTail(tail: Uint8Array, line: number): void {
  if (tail.length > LIMITS.maxRowBytes) throw rowTooLarge(line);
}
