/**
 * A page's text from its bytes: the charset named by the Content-Type header, else by a `<meta>` in the
 * first 4 KiB (HTML's prescan), else UTF-8 (a sequence cut at the 1 MB cap is not an error), with windows-1252 as the fallback for bytes
 * that are not UTF-8 (what browsers guess for Western pages). TextDecoder knows the WHATWG labels, so
 * `shift_jis`, `x-sjis`, `latin1` (windows-1252) and the rest all work.
 */
const latin1 = new TextDecoder("windows-1252");

function charsetParam(contentType: string): string | null {
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match ? match[1]!.toLowerCase() : null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = latin1.decode(bytes.subarray(0, 4096));
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct ? direct[1]!.toLowerCase() : null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

export function decodePage(bytes: Uint8Array, contentType: string): { text: string; charset: string } {
  const named = decoderFor(charsetParam(contentType)) ?? decoderFor(metaCharset(bytes));
  if (named) return { text: named.decode(bytes), charset: named.encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes, { stream: true }), charset: "utf-8" };
  } catch {
    return { text: latin1.decode(bytes), charset: "windows-1252" };
  }
}
