/**
 * What the gateway writes into a cell: text Excel would turn into something else keeps its apostrophe,
 * dates become serial numbers, blanks become empty cells.
 */
import { isoToSerial, toExcelCell } from '../../addin/excel/cellValues.js';
import { excelSerialToIso } from '../../shared/cells.js';
import { excelSerial } from '../helpers/rawTables.js';

describe('toExcelCell', () => {
  it('keeps text that Excel would read as a number, date, time, formula or boolean as text', () => {
    for (const text of [
      '007',
      '1/2',
      '2025-04-01',
      '12:30',
      '=SUM(A1:A9)',
      '+44 113 000',
      '-1',
      '@user',
      '50%',
      'TRUE',
    ]) {
      expect(toExcelCell(text)).toBe(`'${text}`);
    }
    for (const text of ['Analyst time', '0113 000 0001', 'pat@leeds.example', '']) {
      expect(toExcelCell(text)).toBe(text);
    }
  });

  it('writes dates as Excel serial numbers, in date columns from yyyy-mm-dd text too', () => {
    expect(toExcelCell('2025-04-01', 'date')).toBe(excelSerial('2025-04-01'));
    expect(toExcelCell(new Date('2026-03-31T00:00:00Z'))).toBe(excelSerial('2026-03-31'));
    expect(toExcelCell('2025-02-30', 'date')).toBe("'2025-02-30");
    expect(toExcelCell('31/03/2026', 'date')).toBe("'31/03/2026");
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
