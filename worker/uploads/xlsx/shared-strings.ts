import { cellTooLarge, formatBytes, LIMITS, tooLarge } from "../limits";
import { attribute, decodeEntities, decodeOoxmlEscapes, scanXml, type XmlHandler } from "./xml";

/**
 * The workbook's shared strings, the one part read whole (cells refer to them by index in any order).
 * Held compactly as UTF-8 bytes with an offset table, not as millions of JS strings, and bounded:
 * past 48 MB or 4 million strings the upload is refused with a 413 that names the limit.
 */
export class SharedStrings {
  private bytes: Uint8Array;
  private length = 0;
  private offsets = new Uint32Array(16 * 1024);
  count = 0;

  /** `expectedBytes`: the part's inflated size from the ZIP directory, which bounds the text in it. */
  constructor(expectedBytes = 64 * 1024) {
    this.bytes = new Uint8Array(Math.min(Math.max(expectedBytes, 1024), LIMITS.maxSharedStringBytes));
  }

  /** `<sst uniqueCount>`: room for that many strings at once instead of doubling up to it. */
  expect(count: number): void {
    if (!(count > this.offsets.length) || count > LIMITS.maxSharedStrings) return;
    const sized = new Uint32Array(count + 1);
    sized.set(this.offsets.subarray(0, this.count + 1));
    this.offsets = sized;
  }
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  add(text: string): void {
    if (this.count >= LIMITS.maxSharedStrings) throw sharedStringsTooLarge();
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    // Room for the worst case (3 UTF-8 bytes per UTF-16 unit); the limit is checked on what was written.
    const worst = this.length + text.length * 3;
    if (worst > this.bytes.length) {
      const grown = new Uint8Array(Math.max(Math.ceil(this.bytes.length * 1.5), worst));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
    if (this.length > LIMITS.maxSharedStringBytes) throw sharedStringsTooLarge();
    this.offsets[++this.count] = this.length;
  }

  /** The string at `index`; an index the workbook does not have reads as empty. */
  get(index: number): string {
    if (!(index >= 0 && index < this.count)) return "";
    const start = this.offsets[index]!;
    const end = this.offsets[index + 1]!;
    return start === end ? "" : this.decoder.decode(this.bytes.subarray(start, end));
  }
}

const sharedStringsTooLarge = () =>
  tooLarge(
    `The workbook's shared strings are larger than ${formatBytes(LIMITS.maxSharedStringBytes)} or ${LIMITS.maxSharedStrings.toLocaleString("en-US")} strings, the limit for one XLSX; save the sheet as CSV and upload that.`,
    {
    reason: "shared_strings_too_large",
    limitBytes: LIMITS.maxSharedStringBytes,
    limitStrings: LIMITS.maxSharedStrings,
    },
  );

export async function readSharedStrings(stream: ReadableStream<Uint8Array>, part: string, inflatedBytes: number): Promise<SharedStrings> {
  const strings = new SharedStrings(inflatedBytes);
  let current = "";
  let inString = false;
  let phonetic = false;
  const handler: XmlHandler = {
    wantsText: false,
    open(name, tag) {
      if (name === "sst") strings.expect(Number(attribute(tag, "uniqueCount") ?? 0));
      else if (name === "si") {
        inString = true;
        current = "";
      } else if (name === "rPh") phonetic = true;
      else if (name === "t" && inString && !phonetic) handler.wantsText = true;
    },
    close(name) {
      if (name === "t") handler.wantsText = false;
      else if (name === "rPh") phonetic = false;
      else if (name === "si") {
        strings.add(decodeOoxmlEscapes(current));
        inString = false;
      }
    },
    text(raw, cdata) {
      current += cdata ? raw : decodeEntities(raw);
      if (current.length > LIMITS.maxRowBytes) throw cellTooLarge();
    },
  };
  await scanXml(stream, part, handler, { maxPendingChars: LIMITS.maxRowBytes * 2, onPendingTooLarge: () => cellTooLarge() });
  return strings;
}
