/**
 * CSV as spreadsheets read it (RFC 4180, CRLF, UTF-8 with BOM so Excel shows 中文), written by
 * PapaParse. Exported names and notes come from users and must never run as a formula on a
 * manager's machine, whatever separator their spreadsheet splits on (`,` here, `;` in many
 * locales, tab when pasted):
 * - a cell that starts with a formula character (= + - @, tab, CR) gets a leading `'`;
 * - so does every part of a cell after a separator or line break (`ok;=HYPERLINK(…)` becomes
 *   `ok;'=HYPERLINK(…)`), since a `;`-splitting spreadsheet would start a cell there;
 * - every such cell, and every cell with a separator, quote or line break, is quoted.
 */
import Papa from 'papaparse';

export type Cell = string | number | boolean | null | undefined;

/** Characters a spreadsheet may split cells or rows on. */
const SEPARATED_FORMULA = /([,;\t\r\n])(?=[=+\-@\t\r])/g;
/** What PapaParse prefixes with `'` (its default pattern misses text with line breaks). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[,;\t\r\n"]/;

function neutralise(value: Cell): Cell {
  return typeof value === 'string' ? value.replace(SEPARATED_FORMULA, "$1'") : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse([[...header], ...rows.map((row) => row.map(neutralise))], {
    newline: '\r\n',
    escapeFormulae: FORMULA_START,
    quotes: (value: unknown) => typeof value === 'string' && NEEDS_QUOTES.test(value),
  });
  return `\uFEFF${body}\r\n`;
}

/** A download response; `name` is ASCII-safe by construction of the callers. */
export function csvResponse(body: string, name: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
