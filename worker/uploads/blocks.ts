import { ByteReader } from "./byte-reader";
import { LIMITS, rowTooLarge } from "./limits";

export const BLOCK_BYTES = 1024 * 1024;

/**
 * Reads a byte stream in blocks of `blockBytes` (1 MiB: fewer, larger scans). A record cut by a block's
 * end is handed back as `tail` and put in front of the next block; a block is valid until the next
 * call but one. `transform` turns each chunk into the bytes to scan (e.g. re-encoding to UTF-8),
 * `final` flushes it. Tests use tiny blocks to cut records at every byte.
 *
 * Memory is fixed: two block buffers used in turn (the previous block stays valid while the next is
 * built, its unfinished record copied in front) and the reader's one chunk buffer (see ByteReader).
 */
export class BlockReader {
  private readonly reader: ByteReader;
  private done = false;
  /** Bytes read but not yet copied into a block; a view of the reader's buffer, valid until the next read. */
  private pending: Uint8Array = new Uint8Array(0);
  private readonly buffers: (ArrayBuffer | null)[] = [null, null];
  private turn = 0;

  constructor(
    stream: ReadableStream<Uint8Array>,
    private readonly transform?: { chunk: (bytes: Uint8Array) => Uint8Array; final: () => Uint8Array },
    private skip = 0,
    private readonly blockBytes = BLOCK_BYTES,
  ) {
    this.reader = new ByteReader(stream);
  }

  /** The next block (with `tail` in front), or null when the stream is over and nothing is left. */
  async next(tail: Uint8Array): Promise<{ bytes: Uint8Array; final: boolean } | null> {
    if (this.done && this.pending.length === 0) return null;
    const block = this.blockFor(tail.length + this.blockBytes);
    block.set(tail);
    let size = tail.length;
    let fresh = 0;
    while (fresh < this.blockBytes) {
      if (this.pending.length === 0) {
        if (this.done) break;
        await this.pull();
        continue;
      }
      // Copied now: the reader's next read reuses the buffer `pending` points into.
      const take = Math.min(this.pending.length, this.blockBytes - fresh);
      block.set(take === this.pending.length ? this.pending : this.pending.subarray(0, take), size);
      this.pending = this.pending.subarray(take);
      size += take;
      fresh += take;
    }
    return { bytes: block.subarray(0, size), final: this.done && this.pending.length === 0 };
  }

  private async pull(): Promise<void> {
    const chunk = await this.reader.read();
    if (!chunk) {
      this.done = true;
      if (this.transform) this.pending = this.transform.final();
      return;
    }
    let bytes = chunk;
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(skipped);
      this.skip -= skipped;
    }
    this.pending = this.transform ? this.transform.chunk(bytes) : bytes;
  }

  /** The other of the two block buffers, at least `size` bytes long. */
  private blockFor(size: number): Uint8Array {
    this.turn ^= 1;
    let buffer = this.buffers[this.turn];
    if (!buffer || buffer.byteLength < size) buffer = this.buffers[this.turn] = new ArrayBuffer(Math.max(size, this.blockBytes + 64 * 1024));
    return new Uint8Array(buffer);
  }

  async cancel(): Promise<void> {
    this.done = true;
    this.pending = new Uint8Array(0);
    await this.reader.cancel();
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
