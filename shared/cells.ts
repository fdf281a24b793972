/**
 * A1 addresses and cell readers. Pure: used by the parser in the add-in and on the server.
 *
 * Every reader takes any value a workbook reader may hand over (string, number, boolean, Date, null,
 * undefined, ExcelJS objects such as rich text, hyperlinks, formulas and errors, or anything else) and never
 * throws. It returns `{ ok: true, value }`, where `value` is `null` for a blank cell, or
 * `{ ok: false, problem }`. A problem's message starts with the value (or what the cell holds), so a caller
 * can prefix the column name: `Unit` + ` "Hours" is not one of: FTE, ...`.
 *
 * Decisions:
 * - Text is trimmed; whitespace-only text is blank. Numbers become their shortest text ("0.5", "1234"),
 *   booleans TRUE/FALSE as Excel shows them, dates yyyy-mm-dd.
 * - Numbers: finite numbers, or numeric text: optional sign, digits with an optional decimal part and
 *   exponent ("0.5", "-2", "1e3"), thousands grouped by commas ("1,234.5"), and an optional leading "£"
 *   ("£12,000"). Anything else (percentages, "1.234,5", "ten") is a `cell/type` problem.
 * - Dates: Excel serial numbers (the time part is ignored; serial 60, Excel's non-existent 29 February
 *   1900, is refused), JS Dates (their UTC date), ISO `yyyy-mm-dd` text and UK `dd/mm/yyyy` text (day and
 *   month may have one digit). Years 1900 to 9999. Impossible dates (31/02/2025) are `cell/format` problems.
 * - Email: "mailto:" and any "?subject=..." are stripped; a hyperlink whose text is a name and whose link is
 *   a mailto: address gives that address. The address is kept as written.
 * - Booleans: TRUE/FALSE, or Yes/No (Y/N, True/False) text.
 * - Text that is not well-formed UTF-16 (an unpaired surrogate, which no digest or database can carry) is a
 *   `cell/type` problem in every reader, so it never gets past the parser.
 * - Text holding a C0 control character other than tab, line feed and carriage return (NUL, escape...), a
 *   bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) or another invisible format
 *   character (zero-width space, word joiner, U+FEFF, soft hyphen...) is a `cell/format` problem in every
 *   reader, naming the character and its position (shared/hiddenCharacters.ts): such characters are invisible
 *   and would change how the text reads in every appendix a signatory reads.
 * - This file is the one place that unwraps cell values: the .xlsx reader (server/import/readWorkbook.ts)
 *   hands ExcelJS values over as they are, so a hyperlink keeps both its displayed text and its target (an
 *   Email cell reads the mailto: target when the text is a name; any other column reads the text) and a formula
 *   without a cached result reaches the message below.
 */
import { matchEnum, YES_NO, type EnumDef } from './enums.js';
import { BROKEN_TEXT, isRecord, isWellFormedText } from './guards.js';
import { findHiddenCharacter, hiddenCharacterMessage } from './hiddenCharacters.js';
import type { IssueCode } from './issues.js';
import { MONTHS } from './displayFormat.js';

/** Excel's sheet limits. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface CellProblem {
  code: IssueCode;
  /** Starts with the value or what the cell holds; the caller prefixes the column or field name. */
  message: string;
}

export type CellRead<T> = { ok: true; value: T | null } | { ok: false; problem: CellProblem };

/** 1-based row and column. */
export interface CellPosition {
  row: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------------------
// A1 addresses

/** 1 -> "A", 28 -> "AB". Throws a RangeError outside 1..16384. */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COLUMN) throw new RangeError(`No Excel column number ${n}`);
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" -> 1, "ab" -> 28. Throws a RangeError for anything but 1-3 letters up to XFD. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not an Excel column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMN) throw new RangeError(`"${letters}" is beyond Excel's last column XFD`);
  return n;
}

/** "C7" (also "c7", "$C$7") -> { row: 7, column: 3 }; null for anything that is not a cell on a sheet. */
export function parseA1(address: unknown): CellPosition | null {
  if (typeof address !== 'string') return null;
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!m) return null;
  const row = Number(m[2]);
  const letters = m[1] ?? '';
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  if (row > MAX_ROW || column > MAX_COLUMN) return null;
  return { row, column };
}

/** The position `rows` down and `columns` right of `topLeft`: offsetA1('B3', 2, 1) is "C5". */
export function offsetA1(topLeft: string | CellPosition, rows: number, columns: number): string {
  const origin = typeof topLeft === 'string' ? parseA1(topLeft) : topLeft;
  if (!origin) throw new RangeError(`"${String(topLeft)}" is not a cell address`);
  const row = origin.row + rows;
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new RangeError(`Row ${row} is outside the sheet`);
  return `${columnLetter(origin.column + columns)}${row}`;
}

// ---------------------------------------------------------------------------------------------------------
// Unwrapping what workbook readers hand over

type Plain = string | number | boolean | Date | null;

function problem(code: IssueCode, message: string): { ok: false; problem: CellProblem } {
  return { ok: false, problem: { code, message } };
}

/**
 * Excel's error values as Office.js and the file reader hand them over: text such as "#N/A". A cell showing one
 * holds no value, whatever its column.
 */
const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

function excelErrorProblem(code: string): CellRead<never> {
  return problem('cell/type', `holds the Excel error ${code}; correct the formula or type a value`);
}

/** Reduces ExcelJS cell objects (rich text, hyperlink, formula, error) to a plain value. */
function unwrap(value: unknown, depth = 0): CellRead<Plain> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) return problem('cell/type', BROKEN_TEXT);
    const hidden = findHiddenCharacter(value);
    if (hidden) return problem('cell/format', hiddenCharacterMessage(hidden));
    // Every Excel error value starts with "#": text without one is never an error (no trimmed copy needed).
    if (!value.includes('#')) return { ok: true, value };
    const marker = value.trim().toUpperCase();
    return EXCEL_ERRORS.has(marker) ? excelErrorProblem(marker) : { ok: true, value };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { ok: true, value };
  }
  if (typeof value === 'bigint') return { ok: true, value: Number(value) };
  if (value instanceof Date) return { ok: true, value };
  if (depth > 4 || Array.isArray(value) || !isRecord(value)) {
    return problem('cell/type', 'holds something that is not text, a number or a date');
  }
  if ('error' in value) {
    return excelErrorProblem(typeof value.error === 'string' ? value.error : '#VALUE!');
  }
  if (Array.isArray(value.richText)) {
    const parts = value.richText.map((part: unknown) =>
      isRecord(part) && typeof part.text === 'string' ? part.text : '',
    );
    return unwrap(parts.join(''), depth + 1);
  }
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    if (value.result === undefined) {
      return problem('cell/type', 'is a formula without a calculated value; open the workbook in Excel and save it');
    }
    return unwrap(value.result, depth + 1);
  }
  if ('text' in value) return unwrap(value.text, depth + 1);
  if (typeof value.hyperlink === 'string') return unwrap(value.hyperlink, depth + 1);
  return problem('cell/type', 'holds something that is not text, a number or a date');
}

/** True for undefined, null, whitespace-only text and their ExcelJS wrappings. */
export function isBlank(value: unknown): boolean {
  const read = unwrap(value);
  return read.ok && (read.value === null || (typeof read.value === 'string' && read.value.trim() === ''));
}

/** A value as a message quotes it: "Hours", 12, TRUE, 2025-04-01. */
export function describeValue(value: Plain): string {
  if (value === null) return 'blank';
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `"${short}"`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoOfDate(value) ?? 'an invalid date';
  return numberText(value);
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

// ---------------------------------------------------------------------------------------------------------
// Readers

/** Text, trimmed; numbers, booleans and dates as text. */
export function readText(value: unknown): CellRead<string> {
  const read = unwrap(value);
  if (!read.ok) return read;
  const v = read.value;
  if (v === null) return { ok: true, value: null };
  if (typeof v === 'string') {
    const text = v.trim();
    return { ok: true, value: text === '' ? null : text };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return problem('cell/type', `holds an invalid number (${v})`);
    return { ok: true, value: numberText(v) };
  }
  if (typeof v === 'boolean') return { ok: true, value: v ? 'TRUE' : 'FALSE' };
  const iso = isoOfDate(v);
  return iso ? { ok: true, value: iso } : problem('cell/type', 'holds an invalid date');
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** A finite number, or numeric text ("0.5", " 1,234.5 ", "£12,000"). */
export function readNumber(value: unknown): CellRead<number> {
  const read = unwrap(value);
  if (!read.ok) return read;
  const v = read.value;
  if (v === null) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return problem('cell/type', `holds an invalid number (${v})`);
    return { ok: true, value: Object.is(v, -0) ? 0 : v };
  }
  if (typeof v === 'string') {
    const trimmed = v.trim();
    if (trimmed === '') return { ok: true, value: null };
    let text = trimmed.replace(/^([+-]?)£\s*/, '$1');
    if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
    if (PLAIN_NUMBER.test(text)) {
      const n = Number(text);
      if (Number.isFinite(n)) return { ok: true, value: Object.is(n, -0) ? 0 : n };
    }
    return problem('cell/type', `${describeValue(trimmed)} is not a number; type digits such as 0.5 or 1,234.5`);
  }
  if (typeof v === 'boolean') return problem('cell/type', `is ${describeValue(v)}, not a number`);
  return problem('cell/type', `is a date (${describeValue(v)}), not a number`);
}

/** First Excel serial number that is not a valid date (after 9999-12-31). */
const LAST_SERIAL = 2958465;
const DAY_MS = 86_400_000;
const DATE_FORMS = 'use yyyy-mm-dd, dd/mm/yyyy or an Excel date';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year` in the Gregorian calendar, as Date.UTC counts them. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The UTC date of a valid JS Date between 1900 and 9999, else null. */
function isoOfDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const year = d.getUTCFullYear();
  if (year < 1900 || year > 9999) return null;
  return isoOf(year, d.getUTCMonth() + 1, d.getUTCDate());
}

function dateFromParts(text: string, year: number, month: number, day: number): CellRead<string> {
  if (year < 1900 || year > 9999) return problem('cell/format', `${describeValue(text)} is not between 1900 and 9999`);
  if (month < 1 || month > 12) {
    return problem('cell/format', `${describeValue(text)} is not a real date: there is no month ${month}`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return problem(
      'cell/format',
      `${describeValue(text)} is not a real date: ${MONTHS[month - 1]} ${year} has no day ${day}`,
    );
  }
  return { ok: true, value: isoOf(year, month, day) };
}

/** Excel serial day number -> yyyy-mm-dd, honouring Excel's 1900 leap-year bug. */
export function excelSerialToIso(serial: number): CellRead<string> {
  if (!Number.isFinite(serial)) return problem('cell/type', `holds an invalid number (${serial})`);
  const days = Math.floor(serial);
  if (days < 1 || days > LAST_SERIAL) {
    return problem('cell/format', `${numberText(serial)} is not a date; ${DATE_FORMS}`);
  }
  if (days === 60) {
    return problem(
      'cell/format',
      '60 is 29 February 1900, a day that did not exist (an Excel quirk); correct the date',
    );
  }
  // Serial 1 is 1900-01-01; Excel counts a 29 February 1900, so serials from 61 are one day ahead.
  const sinceBase = days < 60 ? days : days - 1;
  const d = new Date(Date.UTC(1899, 11, 31) + sinceBase * DAY_MS);
  return { ok: true, value: isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
}

/** A date as yyyy-mm-dd: an Excel serial, a JS Date (UTC date), ISO yyyy-mm-dd or UK dd/mm/yyyy text. */
export function readDate(value: unknown): CellRead<string> {
  const read = unwrap(value);
  if (!read.ok) return read;
  const v = read.value;
  if (v === null) return { ok: true, value: null };
  if (typeof v === 'number') return excelSerialToIso(v);
  if (typeof v === 'boolean') return problem('cell/type', `is ${describeValue(v)}, not a date`);
  if (v instanceof Date) {
    const iso = isoOfDate(v);
    return iso ? { ok: true, value: iso } : problem('cell/format', 'holds an invalid date or one outside 1900 to 9999');
  }
  const text = v.trim();
  if (text === '') return { ok: true, value: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return dateFromParts(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return dateFromParts(text, Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return problem('cell/format', `${describeValue(text)} is not a date; ${DATE_FORMS}`);
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

function emailFrom(text: string): string | null {
  const address = text
    .replace(/^mailto:/i, '')
    .replace(/\?.*$/, '')
    .trim();
  const at = address.lastIndexOf('@');
  if (address.length > 254 || at > 64 || !EMAIL.test(address)) return null;
  return address;
}

/** An email address such as jo.bloggs@leeds.gov.uk ("mailto:" stripped). */
export function readEmail(value: unknown): CellRead<string> {
  const read = readText(value);
  if (!read.ok || read.value === null) return read;
  const address = emailFrom(read.value);
  if (address) return { ok: true, value: address };
  if (isRecord(value) && typeof value.hyperlink === 'string' && /^mailto:/i.test(value.hyperlink)) {
    const linked = emailFrom(value.hyperlink);
    if (linked) return { ok: true, value: linked };
  }
  return problem('cell/format', `${describeValue(read.value)} is not an email address such as name@example.org`);
}

/** The allowed labels of an enumeration, for messages: "Responsible, Accountable, ... (or R, A, C, I)". */
export function allowedLabels(def: EnumDef): string {
  const labels = def.options.map((o) => o.label).join(', ');
  const letters = def.options.flatMap((o) =>
    (o.aliases ?? []).filter((a) => a.length === 1).map((a) => a.toUpperCase()),
  );
  return letters.length > 0 ? `${labels} (or ${letters.join(', ')})` : labels;
}

/** The id of the option whose label, id or alias matches (case-insensitive). */
export function readEnum(def: EnumDef, value: unknown): CellRead<string> {
  const read = readText(value);
  if (!read.ok || read.value === null) return read;
  const option = matchEnum(def, read.value);
  if (option) return { ok: true, value: option.id };
  return problem('cell/enum', `${describeValue(read.value)} is not one of: ${allowedLabels(def)}`);
}

/** Yes/No (also TRUE/FALSE cells, Y/N, True/False text). */
export function readBoolean(value: unknown): CellRead<boolean> {
  const read = unwrap(value);
  if (read.ok && typeof read.value === 'boolean') return { ok: true, value: read.value };
  const id = readEnum(YES_NO, value);
  if (!id.ok) return id;
  return { ok: true, value: id.value === null ? null : id.value === 'yes' };
}
