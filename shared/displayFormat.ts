/**
 * How an appendix writes values for a reader, as a PMG chair would write them: dates "1 April 2025", money
 * "£1,234.56", FTE to two places ("1.50"), stakes as percentages ("33.33%"). Pure; used by the Word appendix, for
 * the display formats of the Excel one, and by the register page.
 */

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-04-01" -> "1 April 2025"; anything that is not an ISO date is returned as it is. */
export function ukDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** The calendar date (yyyy-mm-dd) of a timestamp in the UK (Europe/London), where the PMG signs. */
export function ukCalendarDate(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  // en-CA writes yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A timestamp as the UK reads it: "6 December 2026 at 14:05" (Europe/London); blank for none. */
export function ukDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  return `${ukDate(ukCalendarDate(timestamp))} at ${UK_TIME.format(d)}`;
}

const GROUPED_2DP = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});
const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4, useGrouping: true });

/** 1234.5 -> "£1,234.50"; -3 -> "-£3.00". */
export function money(n: number): string {
  return n < 0 ? `-£${GROUPED_2DP.format(-n)}` : `£${GROUPED_2DP.format(n)}`;
}

/** 1.5 -> "1.50" (full-time equivalents to two places). */
export function fte(n: number): string {
  return GROUPED_2DP.format(n);
}

/** 0.33333 -> "33.33%". */
export function percent(share: number): string {
  return `${GROUPED_2DP.format(share * 100)}%`;
}

/** A plain quantity: 12500 -> "12,500", 0.25 -> "0.25". */
export function quantity(n: number): string {
  return GROUPED.format(n);
}

/** "sha256:ab12cd34ef56…" (or the bare hex): enough of a digest to compare by eye; the full one is in the file's properties. */
export function shortDigest(digest: string): string {
  const m = /^(sha256:)?([0-9a-f]+)$/.exec(digest);
  return m ? `${m[1] ?? ''}${m[2]!.slice(0, 12)}` : digest;
}
