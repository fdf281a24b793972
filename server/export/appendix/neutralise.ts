/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet reads a cell that begins with `=`, `+`, `-` or `@`
 * as a formula, and so it does with the same sign written another way: Excel in a Japanese or Chinese locale
 * (and an input method that converts as you type) reads the fullwidth forms, and the small forms and the minus
 * sign fold to the same characters under Unicode compatibility normalisation (NFKC), which some importers
 * apply. A leading tab, carriage return or line feed, or any other leading white space, is skipped by importers
 * that trim a field before looking at it, so text that starts with white space and then one of these signs is
 * read the same way.
 *
 * The signs, by code point:
 * - `=` U+003D, `+` U+002B, `-` U+002D, `@` U+0040 (the ASCII forms);
 * - `＝` U+FF1D, `＋` U+FF0B, `－` U+FF0D, `＠` U+FF20 (fullwidth forms);
 * - `﹦` U+FE66, `﹢` U+FE62, `﹣` U+FE63, `﹫` U+FE6B (small form variants);
 * - `−` U+2212 (minus sign), `ー` U+30FC and `ｰ` U+FF70 (the prolonged sound marks a Japanese input method
 *   gives for the minus key), `⁼` U+207C, `₌` U+208C, `⁺` U+207A, `₊` U+208A, `⁻` U+207B, `₋` U+208B
 *   (super- and subscript forms, NFKC-equal to `=`, `+` and `-`).
 *
 * Where each format neutralises such text: a CSV field gets a leading single quote (CSV has no other way to
 * say "text"); an Excel cell keeps the text exactly and is given the text number format with Excel's
 * quote-prefix style (xlsx.ts), so it is shown and edited as text and its value is the register's. Numbers are
 * written as numbers (a negative number stays a number) and never pass through here.
 */

/** The characters a spreadsheet may read as the start of a formula (see above). */
export const FORMULA_STARTS: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  '\uFE66',
  '\uFE62',
  '\uFE63',
  '\uFE6B',
  '\u2212',
  '\u30FC',
  '\uFF70',
  '\u207C',
  '\u208C',
  '\u207A',
  '\u208A',
  '\u207B',
  '\u208B',
];

/** Characters that start a cell as a formula start does: a tab, carriage return or line feed. */
export const CONTROL_STARTS: readonly string[] = ['\t', '\r', '\n'];

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** Leading white space (any, as `\s` reads it) or a control start, or a formula start after white space. */
const LIVE_START = new RegExp(
  `^(?:[${CONTROL_STARTS.map(escape).join('')}]|\\s*[${FORMULA_STARTS.map(escape).join('')}])`,
);

/** The text as it is safe to put in a CSV field: prefixed with `'` when it could start a formula. */
export function neutralise(text: string): string {
  return LIVE_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet could treat this text as a formula. */
export function isLive(text: string): boolean {
  return LIVE_START.test(text);
}
