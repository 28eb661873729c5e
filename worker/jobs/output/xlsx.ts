import { addedCells, outputHeader, outputRows, type OutputSource } from "./reader";
import { ZipWriter } from "./zip";
import { FORMULA_START } from "./csv";

/**
 * The output as an .xlsx workbook, written in workerd without any Node library: every cell is an
 * inline string (so leading zeros, long numbers and dates stay exactly as uploaded), cells that look
 * like formulas get Excel's own quotePrefix style (shown as typed, never evaluated), the header row is
 * bold and frozen. The sheet XML is deflated as it streams.
 */
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Excel's limit on a cell's text. */
const MAX_CELL_CHARS = 32_767;
const STYLE_HEADER = 1;
const STYLE_QUOTED = 2;

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  "</Types>";

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  "</Relationships>";

const WORKBOOK =
  XML_HEAD +
  `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Openline" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const WORKBOOK_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  "</Relationships>";

const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

const SHEET_HEAD =
  XML_HEAD +
  `<worksheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0">` +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** Characters XML 1.0 cannot hold are dropped; the specials escaped; CR kept as a reference. */
export function xmlText(value: string): string {
  return value
    .slice(0, MAX_CELL_CHARS)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // A literal CR would be folded into LF by any XML parser; a character reference survives.
    .replace(/\r/g, "&#13;");
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function sheetRow(rowNumber: number, values: string[], header = false): string {
  let xml = `<row r="${rowNumber}">`;
  values.forEach((value, i) => {
    if (value === "") return;
    const style = header ? STYLE_HEADER : FORMULA_START.test(value) ? STYLE_QUOTED : 0;
    xml += `<c r="${columnName(i)}${rowNumber}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

async function* sheetXml(source: OutputSource): AsyncGenerator<Uint8Array> {
  const { plan } = source;
  const encoder = new TextEncoder();
  yield encoder.encode(SHEET_HEAD + sheetRow(1, outputHeader(plan.columns, source.options), true));
  let rowNumber = 1;
  for await (const rows of outputRows(source)) {
    let xml = "";
    for (const row of rows) {
      const cells = plan.columns.map((_, c) => row.cells[c] ?? "");
      xml += sheetRow(++rowNumber, [...cells, ...addedCells(row, source.options)]);
    }
    yield encoder.encode(xml);
  }
  yield encoder.encode(SHEET_TAIL);
}

export function xlsxStream(source: OutputSource): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const zip = new ZipWriter(writer);
  (async () => {
    await zip.addStored("[Content_Types].xml", CONTENT_TYPES);
    await zip.addStored("_rels/.rels", ROOT_RELS);
    await zip.addStored("xl/workbook.xml", WORKBOOK);
    await zip.addStored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
    await zip.addStored("xl/styles.xml", STYLES);
    await zip.addDeflated("xl/worksheets/sheet1.xml", sheetXml(source));
    await zip.finish();
    await writer.close();
  })().catch((error: unknown) => writer.abort(error).catch(() => undefined));
  return readable;
}
