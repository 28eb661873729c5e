import { ApiError } from "../lib/errors";
import { concat } from "./blocks";

/**
 * Streaming `multipart/form-data`: finds the part named `file` and hands its content on as a stream,
 * never buffering the file (Hono's `parseBody` would hold it whole). Small text fields before the file
 * are collected; anything after it is ignored.
 */
export interface MultipartFile {
  filename: string | null;
  contentType: string | null;
  fields: Record<string, string>;
  stream: ReadableStream<Uint8Array>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const CRLF_CRLF = new Uint8Array([13, 10, 13, 10]);

const invalid = (message: string) => new ApiError("invalid_request", message, { reason: "invalid_multipart" });

export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2])! : null;
}

export async function openMultipartFile(body: ReadableStream<Uint8Array>, boundary: string): Promise<MultipartFile> {
  const reader = body.getReader();
  // Every boundary, the first included, is matched as CRLF + "--" + boundary.
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  let buffer: Uint8Array = new Uint8Array([13, 10]);
  let ended = false;

  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buffer = concat([buffer, value]);
    return true;
  };
  const find = async (pattern: Uint8Array, limit: number, tooLarge = "A multipart part header or field is too large."): Promise<number> => {
    for (let from = 0; ; ) {
      const at = indexOfBytes(buffer, pattern, from);
      if (at !== -1) return at;
      from = Math.max(0, buffer.length - pattern.length + 1);
      if (buffer.length > limit) throw invalid(tooLarge);
      if (!(await more())) return -1;
    }
  };

  const fields: Record<string, string> = {};
  // Skip the preamble up to the first boundary. Clients send none; a body whose boundary never comes
  // (a wrong boundary in Content-Type) must not be read whole in search of it.
  let at = await find(delimiter, MAX_HEADER_BYTES, "The multipart body does not start with the boundary named in Content-Type.");
  for (;;) {
    if (at === -1) throw invalid("The multipart body has no `file` part.");
    buffer = buffer.subarray(at + delimiter.length);
    while (buffer.length < 2 && (await more()));
    if (buffer[0] === 45 && buffer[1] === 45) throw invalid("The multipart body has no `file` part.");
    const headerEnd = await find(CRLF_CRLF, MAX_HEADER_BYTES);
    if (headerEnd === -1) throw invalid("The multipart body ends inside a part's headers.");
    const headers = new TextDecoder().decode(buffer.subarray(0, headerEnd));
    buffer = buffer.subarray(headerEnd + 4);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? "";
    const name = dispositionParam(disposition, "name");
    if (name === "file") {
      return {
        filename: dispositionParam(disposition, "filename"),
        contentType: /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? null,
        fields,
        stream: partStream(),
      };
    }
    const end = await find(delimiter, MAX_FIELD_BYTES);
    if (end === -1) throw invalid("The multipart body ends inside a field.");
    if (name) fields[name] = new TextDecoder().decode(buffer.subarray(0, end));
    at = end;
  }

  function partStream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        for (;;) {
          const at = indexOfBytes(buffer, delimiter, 0);
          if (at !== -1) {
            if (at > 0) controller.enqueue(buffer.slice(0, at));
            controller.close();
            await reader.cancel().catch(() => undefined);
            return;
          }
          // Everything but a possible start of the delimiter can go.
          const safe = buffer.length - delimiter.length + 1;
          if (safe > 0) {
            controller.enqueue(buffer.slice(0, safe));
            buffer = buffer.subarray(safe);
            return;
          }
          if (!(await more())) {
            controller.error(invalid("The multipart body ended before the file's closing boundary."));
            return;
          }
        }
      },
      async cancel() {
        await reader.cancel().catch(() => undefined);
      },
    });
  }
}

function dispositionParam(disposition: string, param: string): string | null {
  const star = new RegExp(`;\\s*${param}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${param}=([^;\\s]+)`, "i").exec(disposition);
  if (!plain) return null;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2]!;
}

export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first!, from); i !== -1 && i <= last; i = haystack.indexOf(first!, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
