/**
 * RFC 4180 field parser: the one that turns CSV text into rows of strings.
 *
 * Records end at `\n`, `\r\n` or a lone `\r`; fields are quoted with `"` and a quote inside is doubled.
 * Lenient where real files are sloppy and nothing is lost: a `"` inside an unquoted field is kept as
 * text, and text after a closing quote is appended to the field. A final record separator does not make
 * an extra empty row; a blank line in the middle is a row with one empty field (`[""]`).
 *
 * Speed matters (the benchmark measures it): unquoted fields are cut with `indexOf` on cached positions
 * of the next delimiter / `\n` / `\r` rather than by looking at every character.
 */
export class CsvParseError extends Error {
  readonly code = "unterminated_quote";
  constructor(
    /** 1-based line (of the parsed text) on which the unterminated quoted field starts. */
    readonly line: number,
  ) {
    super(`Unterminated quoted field starting on line ${line}`);
    this.name = "CsvParseError";
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export function parseCsv(text: string, delimiter = ","): string[][] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new TypeError(`Unsupported CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  const rows: string[][] = [];
  const len = text.length;
  if (len === 0) return rows;
  const delimCode = delimiter.charCodeAt(0);

  // Cached positions of the next delimiter / LF / CR at or after `pos` (-1 = none left).
  let nextDelim = text.indexOf(delimiter);
  let nextLf = text.indexOf("\n");
  let nextCr = text.indexOf("\r");

  const unquotedEnd = (pos: number): number => {
    if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
    if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf("\n", pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf("\r", pos);
    let end = len;
    if (nextDelim !== -1) end = nextDelim;
    if (nextLf !== -1 && nextLf < end) end = nextLf;
    if (nextCr !== -1 && nextCr < end) end = nextCr;
    return end;
  };

  let row: string[] = [];
  let pos = 0;
  for (;;) {
    let value: string;
    if (text.charCodeAt(pos) === QUOTE) {
      const fieldStart = pos;
      let close = text.indexOf('"', pos + 1);
      if (close === -1) throw new CsvParseError(lineAt(text, fieldStart));
      value = text.slice(pos + 1, close);
      pos = close + 1;
      // A doubled quote: keep one `"` (the slice starts at the second quote) and read on.
      while (text.charCodeAt(pos) === QUOTE) {
        close = text.indexOf('"', pos + 1);
        if (close === -1) throw new CsvParseError(lineAt(text, fieldStart));
        value += text.slice(pos, close);
        pos = close + 1;
      }
      if (pos < len) {
        const c = text.charCodeAt(pos);
        if (c !== delimCode && c !== LF && c !== CR) {
          const end = unquotedEnd(pos);
          value += text.slice(pos, end);
          pos = end;
        }
      }
    } else {
      const end = unquotedEnd(pos);
      value = text.slice(pos, end);
      pos = end;
    }
    row.push(value);
    if (pos >= len) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(pos);
    pos++;
    if (c === delimCode) continue;
    rows.push(row);
    row = [];
    if (c === CR && text.charCodeAt(pos) === LF) pos++;
    if (pos >= len) return rows;
  }
}

/** 1-based line number of a character offset (LF, CRLF and lone CR each end a line). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) line++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
  }
  return line;
}
