/**
 * A model value as each format writes it: the text a Word reader sees, the typed value of an Excel cell, the
 * text of a CSV field. One place, so the renderers and `verify` agree on every cell.
 */
import { enumLabel, YES_NO } from '../../../shared/enums.js';
import {
  fte,
  money,
  percent,
  quantity,
  SHEET_FORMAT,
  sheetMoneyFormat,
  ukDate,
} from '../../../shared/displayFormat.js';
import type { AppendixColumn, Value } from './model.js';
import { raciLetter } from './model.js';
import { roundTo } from '../../../shared/rounding.js';
import { neutralise } from './neutralise.js';

/** Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates): shown as U+FFFD. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as an XML document (Word, Excel) can carry it. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function label(col: AppendixColumn, value: string): string {
  return col.enum ? enumLabel(col.enum, value) : value;
}

/** What a reader of the Word appendix sees in the cell. */
export function displayText(col: AppendixColumn, value: Value): string {
  if (value === null || value === '') return '';
  switch (col.kind) {
    case 'enum':
      return label(col, String(value));
    case 'date':
      return ukDate(String(value));
    case 'money':
      return money(Number(value));
    case 'fte':
      return fte(Number(value));
    case 'stake':
      return percent(Number(value));
    case 'quantity':
    case 'count':
      return quantity(Number(value));
    case 'tier':
      return String(value);
    case 'boolean':
      return enumLabel(YES_NO, value ? 'yes' : 'no');
    case 'raci':
      return raciLetter(String(value));
    case 'text':
      return xmlSafe(String(value));
  }
}

/**
 * An Excel cell: numbers as numbers, dates as dates (UTC midnight), text exactly as the register holds it (the
 * writer gives text that could start a formula the quote-prefix style: xlsx.ts).
 */
export type SheetValue = string | number | Date | null;

export function sheetValue(col: AppendixColumn, value: Value): SheetValue {
  if (value === null || value === '') return null;
  switch (col.kind) {
    case 'money':
    case 'fte':
    case 'stake':
    case 'quantity':
    case 'count':
    case 'tier':
      return Number(value);
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'text':
      return xmlSafe(String(value));
    default:
      return displayText(col, value);
  }
}

/**
 * Excel number formats by kind, showing what shared/displayFormat.ts writes: dates "1 April 2025", money with
 * pence (a whole-pound amount gets SHEET_FORMAT.wholePounds: sheetFormat).
 */
export const SHEET_FORMATS: Partial<Record<AppendixColumn['kind'], string>> = {
  date: SHEET_FORMAT.date,
  money: SHEET_FORMAT.money,
  fte: SHEET_FORMAT.fte,
  stake: SHEET_FORMAT.percent,
  count: '#,##0',
  quantity: '#,##0.####',
};

/** A cell's number format: its column's, but whole pounds without pence ("£80,000", "£1,234.50"), as money() writes. */
export function sheetFormat(kind: AppendixColumn['kind'] | undefined, value: SheetValue): string | undefined {
  if (kind === undefined) return undefined;
  if (kind === 'money' && typeof value === 'number') return sheetMoneyFormat(value);
  return SHEET_FORMATS[kind];
}

/** A CSV column's header: the Word header, with the unit where the value carries one ("Stake (%)"). */
export function csvHeader(col: AppendixColumn): string {
  return col.kind === 'stake' ? `${col.header} (%)` : col.header;
}

/**
 * A CSV field: the register's own value (ISO dates, plain numbers; a stake as a percentage, as the Word appendix
 * shows it), enumerations by label, text neutralised.
 */
export function csvText(col: AppendixColumn, value: Value): string {
  if (value === null) return '';
  switch (col.kind) {
    case 'stake':
      return String(roundTo(Number(value) * 100, 2));
    case 'money':
    case 'fte':
    case 'quantity':
    case 'count':
    case 'tier':
    case 'date':
      return String(value);
    case 'text':
      return neutralise(String(value));
    default:
      return neutralise(displayText(col, value));
  }
}
