import { attribute } from "./xml";
import { builtInFormat } from "./numfmt";

/** Number format code per cell style index (`s` attribute), from styles.xml's numFmts and cellXfs. */
export function readStyles(xml: string): string[] {
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attribute(match[0], "numFmtId"));
    const code = attribute(match[0], "formatCode");
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const formats: string[] = [];
  for (const match of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attribute(match[0], "numFmtId") ?? 0);
    formats.push(custom.get(id) ?? builtInFormat(id));
  }
  return formats;
}
