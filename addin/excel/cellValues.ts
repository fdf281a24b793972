/**
 * Values as the gateway writes them into Excel cells. Office.js takes strings, numbers and booleans; Excel
 * then reads a string as the user's typing would be read, so text that looks like a number, a date or a
 * formula ("001", "1/2", "=SUM(...)") would change. Such text is written with Excel's leading apostrophe,
 * which keeps it as text and is not part of the value. Dates (Date objects, and yyyy-mm-dd text in a date
 * column) become Excel date serial numbers, shown with the column's date format.
 */
import type { ColumnType } from '../../shared/contract.js';

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

/** Text Excel would turn into something else when typed: numbers, dates, times, formulas, percentages. */
function wouldChange(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[$£€]?\(?[\d.,]+\)?%?$/.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return false;
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
  return wouldChange(text) ? `'${text}` : text;
}
