/**
 * How text lays out in a column of the spreadsheet appendices (Excel and .ods), so that nothing is cut at a
 * column's edge in print: text longer than a line of its column wraps, and its row is made as tall as its
 * lines, because LibreOffice (and so a PDF made from the file) does not grow a row to fit wrapped text as Excel
 * does. The estimate errs towards wrapping: a wrapped text that fits stays on one line.
 */
import type { SheetValue } from './cellValues.js';

/** Points a line of 11-point text takes. */
export const LINE_POINTS = 15;
/**
 * Characters of ordinary text that fit in one unit of column width, a little under what was measured in
 * LibreOffice's PDFs: about 1.17 in the Excel appendix (Calibri 11, or its metric twin Carlito), about 1.03 in
 * the .ods one (LibreOffice's default, Liberation Sans 10, is wider).
 */
export type SheetFont = 'xlsx' | 'ods';
const CHARS_PER_WIDTH: Record<SheetFont, number> = { xlsx: 1.1, ods: 0.95 };
/** Bold text (headers, the cover's labels) is about a tenth wider. */
const BOLD = 0.9;
/** The tallest row a spreadsheet allows, in points. */
const MAX_ROW_POINTS = 409;

/** Lines a wrapped text takes in a column `width` characters wide. */
export function linesOf(text: string, width: number, font: SheetFont, bold = false): number {
  const cap = lineCapacity(width, font, bold);
  // Most cells are one short line: no split (an appendix can have a million cells).
  if (!text.includes('\n')) return Math.max(1, Math.ceil(text.length / cap));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / cap)), 0);
}

const lineCapacity = (width: number, font: SheetFont, bold = false) =>
  Math.max(1, Math.floor(width * CHARS_PER_WIDTH[font] * (bold ? BOLD : 1)));

/** Whether a value needs wrapping to be read whole in a column `width` characters wide. */
export function wraps(value: SheetValue, width: number, font: SheetFont, bold = false): value is string {
  return typeof value === 'string' && (value.length > lineCapacity(width, font, bold) || value.includes('\n'));
}

/**
 * The width a column needs to show each of `texts` on one line in either appendix (in the narrower measure):
 * for values that must not wrap (an email address broken at a hyphen reads as two).
 */
export function wholeWidth(texts: Iterable<string>): number {
  let longest = 0;
  for (const t of texts) longest = Math.max(longest, t.length);
  return Math.ceil(longest / Math.min(...Object.values(CHARS_PER_WIDTH))) + 1;
}

/**
 * The height in points for a row of values in columns of `widths`, or undefined where one line is enough.
 * `upright` columns are written turned a quarter (the matrix's organisation names): their text runs up the
 * row, so the row must be as tall as their longest text instead; `bold` ones are wider.
 */
export function rowPoints(
  values: readonly SheetValue[],
  widths: readonly number[],
  font: SheetFont,
  how: { upright?: (column: number) => boolean; bold?: (column: number) => boolean } = {},
): number | undefined {
  let lines = 1;
  let uprightPoints = 0;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (typeof v !== 'string') continue;
    if (how.upright?.(c)) uprightPoints = Math.max(uprightPoints, v.length * 6 + 10);
    else lines = Math.max(lines, linesOf(v, widths[c] ?? 10, font, how.bold?.(c)));
  }
  const points = Math.max(lines * LINE_POINTS, uprightPoints);
  return points > LINE_POINTS ? Math.min(MAX_ROW_POINTS, points) : undefined;
}
