import { readUploadBytes } from "../csv-pipeline";
import { formatBytes, LIMITS, tooLarge, unparseable } from "../limits";

/**
 * Just enough ZIP to read an XLSX from R2 without holding it: the end record and central directory come
 * from range reads at the end of the object, each entry's data from a range read of its own, inflated
 * by the runtime's `DecompressionStream('deflate-raw')`. ZIP64 sizes and offsets are understood.
 */
export interface ZipEntry {
  name: string;
  /** Size of the whole archive (entries must lie inside it). */
  archiveSize: number;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const notAZip = (why: string) =>
  unparseable(`The file starts like an XLSX (a ZIP archive) but is not a valid one: ${why}.`, { reason: "invalid_zip", why });

export async function readZipDirectory(bucket: R2Bucket, key: string, size: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, 22 + 0xffff + 20);
  const tailOffset = size - tailLength;
  const tail = await readUploadBytes(bucket, key, tailOffset, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw notAZip("its end-of-directory record is missing (the file may be cut short)");
  let entryCount = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw notAZip("its ZIP64 locator is missing");
    const zip64Offset = Number(view.getBigUint64(locator + 8, true));
    if (zip64Offset + 56 > size) throw notAZip("its ZIP64 directory record points past the end of the file");
    const record = await readUploadBytes(bucket, key, zip64Offset, Math.min(56, size - zip64Offset));
    const zip64 = new DataView(record.buffer, record.byteOffset, record.byteLength);
    if (record.length < 56 || zip64.getUint32(0, true) !== ZIP64_EOCD) throw notAZip("its ZIP64 directory record is broken");
    entryCount = Number(zip64.getBigUint64(32, true));
    directorySize = Number(zip64.getBigUint64(40, true));
    directoryOffset = Number(zip64.getBigUint64(48, true));
  }
  if (directorySize > LIMITS.maxCentralDirectoryBytes) {
    throw unparseable(`The workbook's ZIP directory is larger than ${formatBytes(LIMITS.maxCentralDirectoryBytes)}, the limit.`, {
      reason: "zip_directory_too_large",
      limitBytes: LIMITS.maxCentralDirectoryBytes,
    });
  }
  if (directoryOffset + directorySize > size) throw notAZip("its directory points past the end of the file");
  const directory = await readUploadBytes(bucket, key, directoryOffset, directorySize);
  try {
    return parseDirectory(directory, entryCount, size);
  } catch (error) {
    // A length field pointing outside the directory.
    if (error instanceof RangeError) throw notAZip("its directory is damaged");
    throw error;
  }
}

function parseDirectory(bytes: Uint8Array, entryCount: number, size: number): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  let at = 0;
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw notAZip("its directory is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values of the fields set to 0xffffffff, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extra += 4 + length;
    }
    if (localHeaderOffset + compressedSize > size) throw notAZip(`the entry ${name} points past the end of the file`);
    entries.set(name.replace(/^\/+/, ""), { name, archiveSize: size, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * The inflated content of an entry as a byte stream. Refused: encryption, methods other than stored
 * and deflate, and anything inflating past `maxBytes` or more than 200 times its compressed size
 * (a ZIP bomb) — the stream errors with a 413/422 naming the limit.
 */
export async function openEntry(bucket: R2Bucket, key: string, entry: ZipEntry, maxBytes: number): Promise<ReadableStream<Uint8Array>> {
  if (entry.flags & 1) throw unparseable("The workbook is encrypted; save it without a password.", { reason: "encrypted" });
  if (entry.method !== 0 && entry.method !== 8) {
    throw unparseable(`The workbook part ${entry.name} uses an unsupported compression method (${entry.method}).`, { reason: "unsupported_compression" });
  }
  const header = await readUploadBytes(bucket, key, entry.localHeaderOffset, Math.min(30, entry.archiveSize - entry.localHeaderOffset));
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL) throw notAZip(`the entry ${entry.name} has no local header`);
  const dataOffset = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (dataOffset + entry.compressedSize > entry.archiveSize) throw notAZip(`the entry ${entry.name} points past the end of the file`);
  let raw: ReadableStream<Uint8Array>;
  if (entry.compressedSize === 0) {
    raw = new ReadableStream({ start: (controller) => controller.close() });
  } else {
    const object = await bucket.get(key, { range: { offset: dataOffset, length: entry.compressedSize } });
    if (!object) throw new Error(`Stored upload ${key} vanished`);
    raw = object.body;
  }
  const inflated = entry.method === 8 ? raw.pipeThrough(new DecompressionStream("deflate-raw")) : raw;
  return inflated.pipeThrough(inflationGuard(entry, maxBytes));
}

function inflationGuard(entry: ZipEntry, maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.length;
      if (total > maxBytes) {
        throw tooLarge(`The workbook part ${entry.name} inflates to more than ${formatBytes(maxBytes)}, the limit.`, {
          reason: "inflated_too_large",
          part: entry.name,
          limitBytes: maxBytes,
        });
      }
      if (total > LIMITS.ratioCheckAfterBytes && total > entry.compressedSize * LIMITS.maxCompressionRatio) {
        throw unparseable(
          `The workbook part ${entry.name} inflates to more than ${LIMITS.maxCompressionRatio} times its compressed size; it is refused as a possible ZIP bomb.`,
          { reason: "zip_bomb", part: entry.name, maxRatio: LIMITS.maxCompressionRatio },
        );
      }
      controller.enqueue(chunk);
    },
  });
}
