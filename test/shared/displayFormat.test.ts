/**
 * shared/displayFormat.ts: the one way the pane, the register page, the appendices and issue messages write
 * dates, money, FTE and counts for a reader.
 */
import { describe, expect, test } from '@jest/globals';
import {
  amount,
  count,
  datesInWords,
  fte,
  isWholePounds,
  money,
  plural,
  sheetMoneyFormat,
  ukDate,
  ukDateTime,
} from '../../shared/displayFormat.js';

describe('money in the GOV.UK style', () => {
  test('whole pounds without pence, pence only when there are some', () => {
    expect(money(80000)).toBe('£80,000');
    expect(money(120000)).toBe('£120,000');
    expect(money(0)).toBe('£0');
    expect(money(1234.5)).toBe('£1,234.50');
    expect(money(0.05)).toBe('£0.05');
    expect(money(-3)).toBe('-£3');
    expect(money(-0.001)).toBe('£0');
    // A float that is a penny amount to the eye is written as one.
    expect(money(0.1 + 0.2)).toBe('£0.30');
    expect(isWholePounds(45000)).toBe(true);
    expect(isWholePounds(45000.5)).toBe(false);
    // A spreadsheet shows the same: whole pounds without pence unless some amount of the column has pence.
    expect(sheetMoneyFormat(45000, 0, 120000)).toBe('"£"#,##0');
    expect(sheetMoneyFormat(45000, 0.5)).toBe('"£"#,##0.00');
  });

  test('a commitment’s quantity in its unit, as a sentence says it', () => {
    expect(amount(120000, 'gbp-per-year')).toBe('£120,000 a year');
    expect(amount(45000, 'gbp')).toBe('£45,000');
    expect(amount(0.8, 'fte')).toBe('0.80 FTE');
    expect(amount(2, 'days-per-month')).toBe('2 days a month');
    expect(amount(7.5, 'hours-per-week')).toBe('7.5 hours a week');
    expect(amount(1, 'datasets')).toBe('1 dataset');
    expect(amount(12500, 'licences')).toBe('12,500 licences');
    expect(amount(3, 'other')).toBe('3');
  });
});

describe('dates', () => {
  test('an ISO date in words; a timestamp by its date in the UK', () => {
    expect(ukDate('2026-12-06')).toBe('6 December 2026');
    expect(ukDate('2026-05-31T23:30:00.000Z')).toBe('1 June 2026');
    expect(ukDate('2026-11-30T23:30:00.000Z')).toBe('30 November 2026');
    expect(ukDate('not a date')).toBe('not a date');
    expect(ukDateTime('2026-05-31T23:30:00.000Z')).toBe('1 June 2026 at 00:30');
    expect(ukDateTime(null)).toBe('');
  });

  test('every ISO date of a stored issue message in words, nothing else changed', () => {
    expect(datesInWords('Start 2028-04-01 is outside the MoU period 2025-04-01 to 2028-03-31; check the date.')).toBe(
      'Start 1 April 2028 is outside the MoU period 1 April 2025 to 31 March 2028; check the date.',
    );
    expect(datesInWords('Ref 2025-04-01x and C1')).toBe('Ref 2025-04-01x and C1');
  });
});

describe('counts and FTE', () => {
  test('grouped counts, plurals and FTE to two places', () => {
    expect(count(12000)).toBe('12,000');
    expect(plural(1, 'organisation')).toBe('1 organisation');
    expect(plural(1200, 'partner')).toBe('1,200 partners');
    expect(fte(1.5)).toBe('1.50');
  });
});
