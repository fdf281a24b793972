/**
 * What the gateway writes into a cell, and under which number format: text as it is under the text format
 * "@" (so Excel cannot retype it), numbers under their column's format, dates as serial numbers under the
 * date format, blanks as empty cells under their column type's format.
 */
import { isoToSerial, toExcelCell, writtenCell } from '../../addin/excel/cellValues.js';
import { excelSerialToIso } from '../../shared/cells.js';
import { excelSerial } from '../helpers/rawTables.js';
import { RETYPED } from '../support/excelTyping.js';

describe('writtenCell', () => {
  it('writes text as it is under "@", whatever Excel would make of it under General', () => {
    for (const [text] of RETYPED) expect(writtenCell(text, 'text')).toEqual({ value: text, format: '@' });
    for (const text of ['Analyst time', '0113 000 0001', "'quoted"]) {
      expect(writtenCell(text)).toEqual({ value: text, format: '@' });
    }
    expect(writtenCell('Agreed', 'enum')).toEqual({ value: 'Agreed', format: '@' });
  });

  it('writes numbers under General or their column’s format, and blanks under their type’s format', () => {
    expect(writtenCell(0.5, 'number')).toEqual({ value: 0.5, format: 'General' });
    expect(writtenCell(12, undefined, '0.00')).toEqual({ value: 12, format: '0.00' });
    expect(writtenCell(null, 'number')).toEqual({ value: '', format: 'General' });
    expect(writtenCell(null, 'text')).toEqual({ value: '', format: '@' });
    expect(writtenCell(null, 'date', 'yyyy-mm-dd')).toEqual({ value: '', format: 'yyyy-mm-dd' });
    expect(writtenCell('lots', 'number')).toEqual({ value: 'lots', format: '@' });
  });

  it('writes dates as serial numbers under the date format, and a date that is not one as text', () => {
    expect(writtenCell('2025-04-01', 'date', 'yyyy-mm-dd')).toEqual({
      value: excelSerial('2025-04-01'),
      format: 'yyyy-mm-dd',
    });
    expect(writtenCell(new Date('2026-03-31T00:00:00Z'))).toEqual({
      value: excelSerial('2026-03-31'),
      format: 'yyyy-mm-dd',
    });
    expect(writtenCell('2025-02-30', 'date', 'yyyy-mm-dd')).toEqual({ value: '2025-02-30', format: '@' });
    expect(writtenCell('31/03/2026', 'date', 'yyyy-mm-dd')).toEqual({ value: '31/03/2026', format: '@' });
    expect(toExcelCell(new Date(Number.NaN))).toBe('');
  });

  it('round-trips every date from 1900-03-01 through the parser’s serial reader', () => {
    for (const iso of ['1900-03-01', '1999-12-31', '2000-02-29', '2025-04-01', '9999-12-31']) {
      const serial = isoToSerial(iso)!;
      expect(excelSerialToIso(serial)).toEqual({ ok: true, value: iso });
    }
    expect(isoToSerial('1900-02-28')).toBeNull();
  });

  it('writes booleans of Yes/No columns as their labels, and blanks as empty cells', () => {
    expect(toExcelCell(true, 'boolean')).toBe('Yes');
    expect(toExcelCell(false, 'boolean')).toBe('No');
    expect(toExcelCell(null)).toBe('');
    expect(toExcelCell(undefined)).toBe('');
    expect(toExcelCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(toExcelCell(0.5)).toBe(0.5);
  });
});
