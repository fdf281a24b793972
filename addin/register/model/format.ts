/**
 * How the register page writes values, as a PMG chair would and as the appendices do (shared/displayFormat.ts):
 * dates "1 April 2025", money "£1,234.56", FTE to two places, stakes as percentages, digests shortened to their
 * first 12 hex digits; plus what only the page shows (times, counts, plurals).
 */
import {
  fte,
  money,
  percent,
  shortDigest,
  ukCalendarDate,
  ukDate as ukIsoDate,
} from '../../../shared/displayFormat.js';

export { fte, money, percent, shortDigest };

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** 12000 -> "12,000". */
export function count(n: number): string {
  return GROUPED.format(n);
}

/** "2025-04-01" -> "1 April 2025"; a timestamp -> its calendar date in the UK; anything else as it is. */
export function ukDate(value: string): string {
  return ukIsoDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ukCalendarDate(value));
}

/** A timestamp as "1 April 2025 at 14:05" (UK time). */
export function ukDateTime(timestamp: string): string {
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? timestamp : `${ukDate(timestamp)} at ${TIME.format(t)}`;
}

/** "1 organisation", "3 organisations". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : nouns}`;
}
