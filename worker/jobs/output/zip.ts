/**
 * A streaming ZIP writer for workerd (no Node libraries): small entries stored whole, large ones
 * deflated through CompressionStream("deflate-raw") with a data descriptor, so nothing is buffered.
 * Enough of PKZIP 2.0 for Office files; sizes must stay under 4 GB (no ZIP64).
 */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  let crc = previous ^ 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface CentralEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const encoder = new TextEncoder();
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(private readonly out: WritableStreamDefaultWriter<Uint8Array>) {}

  private async write(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.byteLength;
    await this.out.write(bytes);
  }

  private localHeader(name: Uint8Array, flags: number, method: number, crc: number, compressedSize: number, size: number): Uint8Array {
    const header = new Uint8Array(30 + name.byteLength);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, flags, true);
    view.setUint16(8, method, true);
    view.setUint16(10, this.stamp.time, true);
    view.setUint16(12, this.stamp.date, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, compressedSize, true);
    view.setUint32(22, size, true);
    view.setUint16(26, name.byteLength, true);
    view.setUint16(28, 0, true);
    header.set(name, 30);
    return header;
  }

  /** A small entry, stored as is. */
  async addStored(path: string, content: string | Uint8Array): Promise<void> {
    const name = encoder.encode(path);
    const data = typeof content === "string" ? encoder.encode(content) : content;
    const crc = crc32(data);
    const offset = this.offset;
    await this.write(this.localHeader(name, UTF8_NAMES, 0, crc, data.byteLength, data.byteLength));
    await this.write(data);
    this.entries.push({ name, flags: UTF8_NAMES, method: 0, crc, compressedSize: data.byteLength, size: data.byteLength, offset });
  }

  /** A large entry, deflated while its pieces stream in. */
  async addDeflated(path: string, pieces: AsyncIterable<Uint8Array>): Promise<void> {
    const name = encoder.encode(path);
    const flags = UTF8_NAMES | DATA_DESCRIPTOR;
    const offset = this.offset;
    await this.write(this.localHeader(name, flags, 8, 0, 0, 0));
    const deflate = new CompressionStream("deflate-raw");
    const input = deflate.writable.getWriter();
    let compressedSize = 0;
    const pump = (async () => {
      const reader = deflate.readable.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        compressedSize += value.byteLength;
        await this.write(value);
      }
    })();
    let crc = 0;
    let size = 0;
    for await (const piece of pieces) {
      crc = crc32(piece, crc);
      size += piece.byteLength;
      await input.write(piece);
    }
    await input.close();
    await pump;
    const descriptor = new Uint8Array(16);
    const view = new DataView(descriptor.buffer);
    view.setUint32(0, 0x08074b50, true);
    view.setUint32(4, crc, true);
    view.setUint32(8, compressedSize, true);
    view.setUint32(12, size, true);
    await this.write(descriptor);
    this.entries.push({ name, flags, method: 8, crc, compressedSize, size, offset });
  }

  /** The central directory and its end record. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const record = new Uint8Array(46 + entry.name.byteLength);
      const view = new DataView(record.buffer);
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, 20, true);
      view.setUint16(6, 20, true);
      view.setUint16(8, entry.flags, true);
      view.setUint16(10, entry.method, true);
      view.setUint16(12, this.stamp.time, true);
      view.setUint16(14, this.stamp.date, true);
      view.setUint32(16, entry.crc, true);
      view.setUint32(20, entry.compressedSize, true);
      view.setUint32(24, entry.size, true);
      view.setUint16(28, entry.name.byteLength, true);
      view.setUint32(42, entry.offset, true);
      record.set(entry.name, 46);
      await this.write(record);
    }
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, this.entries.length, true);
    view.setUint16(10, this.entries.length, true);
    view.setUint32(12, this.offset - start, true);
    view.setUint32(16, start, true);
    await this.write(end);
  }
}
