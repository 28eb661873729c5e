import { utf16Guess } from "./format";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of the byte order mark at the start (skipped when reading). */
  bomBytes: number;
}

/**
 * The BOM decides; without one, UTF-16 is recognised by its zero bytes, then strict UTF-8 is tried and
 * Windows-1252 (Excel's "CSV" on Western Windows) is the fallback, as it decodes any byte sequence.
 * `complete` says `head` is the whole file (otherwise a multi-byte character cut at its end is fine).
 */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  const utf16 = utf16Guess(head);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  return { encoding: isValidUtf8(head, complete) ? "utf-8" : "windows-1252", bomBytes: 0 };
}

export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * A streaming decoder for one of our encodings. workerd's TextDecoder does not decode `utf-16be`
 * correctly, so big-endian input is byte-swapped (carrying an odd byte between chunks) and read as LE.
 */
export class StreamDecoder {
  private readonly decoder: TextDecoder;
  private carry: number | null = null;

  constructor(private readonly encoding: TextEncodingName) {
    this.decoder = new TextDecoder(encoding === "utf-16be" ? "utf-16le" : encoding, { fatal: false, ignoreBOM: true });
  }

  decode(bytes: Uint8Array, final = false): string {
    if (this.encoding !== "utf-16be") return this.decoder.decode(bytes, { stream: !final });
    let input = bytes;
    if (this.carry !== null) {
      input = new Uint8Array(bytes.length + 1);
      input[0] = this.carry;
      input.set(bytes, 1);
      this.carry = null;
    }
    const even = input.length & ~1;
    const swapped = new Uint8Array(final ? input.length : even);
    for (let i = 0; i < even; i += 2) {
      swapped[i] = input[i + 1]!;
      swapped[i + 1] = input[i]!;
    }
    // An odd byte waits for its partner; at the end it is left for the decoder to flag as broken.
    if (even < input.length) {
      if (final) swapped[even] = input[even]!;
      else this.carry = input[even]!;
    }
    return this.decoder.decode(swapped, { stream: !final });
  }
}
