/**
 * Values as the gateway writes them into Excel cells, each with the number format it is written under: the
 * one rule of every writer (set-up's pre-fill, writeTables, the register sheets).
 *
 * Excel reads a string written into a General cell as the user's typing would be read, so text that looks
 * like a number, a date, a time, a boolean or a formula ("007", "1E3", "1 1/2", "April 2025", "=x") would
 * change, in more forms than any list could follow (and in the user's locale). So no string is ever written
 * under General: text goes into cells of the text format "@" (TEXT_FORMAT), set in the same request before
 * the value, which Excel keeps as written whatever it looks like; no apostrophe is added. Numbers are
 * written as numbers under their column's format (General where it has none), dates (Date objects, and
 * yyyy-mm-dd text in a date column) as Excel serial numbers under the column's date format. Blank cells get
 * the format of their column's type, so what a user types there later is read as the column wants.
 */
import { DATE_FORMAT, type ColumnType } from '../../shared/contract.js';
import { GENERAL_FORMAT, isTextType, TEXT_FORMAT } from '../../shared/excelSetup.js';

export type ExcelCell = string | number | boolean;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial number of a calendar date given as yyyy-mm-dd (from 1900-03-01), or null for anything else. */
export function isoToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const date = new Date(time);
  // Before 1 March 1900 Excel's serials are off by its phantom 29 February 1900: those stay text.
  if (date.toISOString().slice(0, 10) !== text.trim() || time < Date.UTC(1900, 2, 1)) return null;
  return (time - EXCEL_EPOCH) / MS_PER_DAY;
}

function dateToSerial(date: Date): number | string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return (day - EXCEL_EPOCH) / MS_PER_DAY;
}

/** One value for a cell of a column of `type` (undefined for columns outside the contract). */
export function toExcelCell(value: unknown, type?: ColumnType): ExcelCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return type === 'boolean' ? (value ? 'Yes' : 'No') : value;
  const text = String(value);
  if (type === 'date') {
    const serial = isoToSerial(text);
    if (serial !== null) return serial;
  }
  return text;
}

/** A value as written and the number format it must be written under (set before the value). */
export interface WrittenCell {
  value: ExcelCell;
  format: string;
}

/**
 * `value` for a cell of a column of `type` whose own number format is `numberFormat` (a date column's
 * 'yyyy-mm-dd'): text under TEXT_FORMAT, numbers and dates under the column's format.
 */
export function writtenCell(value: unknown, type?: ColumnType, numberFormat?: string): WrittenCell {
  const cell = toExcelCell(value, type);
  const own = numberFormat && numberFormat !== TEXT_FORMAT ? numberFormat : undefined;
  if (typeof cell === 'string') {
    if (cell !== '' || (type !== undefined && isTextType(type))) return { value: cell, format: TEXT_FORMAT };
    return { value: cell, format: own ?? GENERAL_FORMAT };
  }
  if (typeof cell === 'number' && value instanceof Date) return { value: cell, format: own ?? DATE_FORMAT };
  if (typeof cell === 'number' && type === 'date') return { value: cell, format: own ?? DATE_FORMAT };
  return { value: cell, format: own ?? GENERAL_FORMAT };
}
