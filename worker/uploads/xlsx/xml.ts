import { ApiError } from "../../lib/errors";
import { notAZip } from "./zip";

/**
 * A small streaming XML tag scanner for the parts of a workbook: calls `open`/`close` for each element
 * and `text` for character data while `wantsText` is set. Namespace prefixes are dropped (`x:c` → `c`).
 * Not a general XML parser: no DTDs, no external entities, nothing a spreadsheet part does not use.
 */
export interface XmlHandler {
  /** `tag` is the text between `<` and `>` (attributes included). */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities still encoded (`cdata` true: taken literally). */
  text(raw: string, cdata: boolean): void;
  wantsText: boolean;
}

/** Thrown by a handler to end the scan early (e.g. after `</sheetData>`). */
export class StopScan extends Error {}

export async function scanXml(
  stream: ReadableStream<Uint8Array>,
  part: string,
  handler: XmlHandler,
  options: { maxPendingChars: number; onPendingTooLarge: () => ApiError; afterChunk?: () => Promise<void> },
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw notAZip(`the workbook part ${part} is damaged and cannot be inflated`);
      }
      buffer += chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
      const rest = scanBuffer(buffer, handler);
      buffer = rest === 0 ? buffer : buffer.slice(rest);
      if (buffer.length > options.maxPendingChars) throw options.onPendingTooLarge();
      if (options.afterChunk) await options.afterChunk();
      if (chunk.done) return;
    }
  } catch (error) {
    if (error instanceof StopScan) return;
    throw error;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Handles every complete tag in `buffer`; returns where the unfinished rest begins. */
function scanBuffer(buffer: string, handler: XmlHandler): number {
  let pos = 0;
  for (;;) {
    const lt = buffer.indexOf("<", pos);
    if (lt === -1) {
      // Text without its end yet: wait for more (handed over once the next tag arrives).
      return handler.wantsText ? pos : buffer.length;
    }
    if (lt > pos && handler.wantsText) handler.text(buffer.slice(pos, lt), false);
    const second = buffer.charCodeAt(lt + 1);
    if (second === 33 /* ! */) {
      if (buffer.startsWith("<![CDATA[", lt)) {
        const end = buffer.indexOf("]]>", lt + 9);
        if (end === -1) return lt;
        if (handler.wantsText) handler.text(buffer.slice(lt + 9, end), true);
        pos = end + 3;
        continue;
      }
      if (buffer.startsWith("<!--", lt)) {
        const end = buffer.indexOf("-->", lt + 4);
        if (end === -1) return lt;
        pos = end + 3;
        continue;
      }
    }
    const gt = buffer.indexOf(">", lt + 1);
    if (gt === -1) return lt;
    pos = gt + 1;
    if (second === 63 /* ? */ || second === 33 /* ! */) continue;
    if (second === 47 /* / */) {
      handler.close(localName(buffer.slice(lt + 2, gt).trim()));
      continue;
    }
    const selfClosing = buffer.charCodeAt(gt - 1) === 47;
    const tag = buffer.slice(lt + 1, selfClosing ? gt - 1 : gt);
    let nameEnd = 0;
    while (nameEnd < tag.length) {
      const c = tag.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13) break;
      nameEnd++;
    }
    const name = localName(tag.slice(0, nameEnd));
    handler.open(name, tag, selfClosing);
    if (selfClosing) handler.close(name);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute's value (entities decoded), or null. */
export function attribute(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at === -1) return null;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // The name must stand alone (` r=` not ` ref=`), possibly prefixed (`r:id`).
    if (!(before === 32 || before === 9 || before === 10 || before === 13 || (before === 58 && name.indexOf(":") === -1))) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    if (end === -1) return null;
    return decodeEntities(tag.slice(i + 1, end));
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (raw.indexOf("&") === -1) return raw;
  return raw.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity]!;
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** Spreadsheet strings escape characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") === -1) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
