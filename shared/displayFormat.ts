/**
 * How every view writes values for a reader, as a PMG chair would write them (the one definition: the pane, the
 * register page, the appendices and issue messages use it): dates "1 April 2025" (a timestamp by its date in the
 * UK, "1 April 2025 at 14:05" with its time), money in the GOV.UK style ("£80,000", pence only when not whole
 * pounds: "£1,234.50"), FTE to two places ("1.50"), stakes as percentages ("33.33%"), counts grouped ("12,500").
 * Pure. Machine formats (CSV, JSON, the register itself) keep ISO dates and plain numbers.
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

/**
 * "2025-04-01" -> "1 April 2025"; a timestamp ("2025-05-31T23:30:00Z") -> its calendar date in the UK ("1 June
 * 2025"); anything else is returned as it is.
 */
export function ukDate(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}T/.test(value) ? ukCalendarDate(value) : value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Every ISO date in a sentence (an issue message) in words: "End 2029-04-01 is after" -> "End 1 April 2029 is after". */
export function datesInWords(sentence: string): string {
  return sentence.replace(/\b\d{4}-\d{2}-\d{2}\b(?!T)/g, (d) => ukDate(d));
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
  return `${ukDate(timestamp)} at ${UK_TIME.format(d)}`;
}

const GROUPED_2DP = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true,
});
const GROUPED_0DP = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, useGrouping: true });
const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4, useGrouping: true });

/**
 * Money in the GOV.UK style, pence only when there are some: 80000 -> "£80,000", 1234.5 -> "£1,234.50",
 * 0 -> "£0", -3 -> "-£3". Amounts are to the penny (the register rounds them so).
 */
export function money(n: number): string {
  const pounds = Math.round(Math.abs(n) * 100) / 100;
  const text = isWholePounds(n) ? GROUPED_0DP.format(pounds) : GROUPED_2DP.format(pounds);
  return n < 0 && pounds > 0 ? `-£${text}` : `£${text}`;
}

/** Whole pounds (no pence to show), as money() writes them. */
export function isWholePounds(n: number): boolean {
  return Math.round(Math.abs(n) * 100) % 100 === 0;
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

/** 12000 -> "12,000": a count, written as a quantity is. */
export const count = quantity;

/** "1 organisation", "3 organisations", "1,200 partners". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : nouns}`;
}

/** A commitment's quantity in its unit (contract unit ids), as a sentence says it. */
const UNIT_WORDS: Record<string, (q: number) => string> = {
  gbp: (q) => money(q),
  'gbp-per-year': (q) => `${money(q)} a year`,
  fte: (q) => `${fte(q)} FTE`,
  'days-per-month': (q) => `${quantity(q)} ${q === 1 ? 'day' : 'days'} a month`,
  'hours-per-week': (q) => `${quantity(q)} ${q === 1 ? 'hour' : 'hours'} a week`,
  datasets: (q) => `${quantity(q)} ${q === 1 ? 'dataset' : 'datasets'}`,
  licences: (q) => `${quantity(q)} ${q === 1 ? 'licence' : 'licences'}`,
  other: (q) => quantity(q),
};

/** 120000 "gbp-per-year" -> "£120,000 a year"; 0.8 "fte" -> "0.80 FTE"; 3 "datasets" -> "3 datasets". */
export function amount(q: number, unit: string): string {
  const words = Object.hasOwn(UNIT_WORDS, unit) ? UNIT_WORDS[unit]! : null;
  return words ? words(q) : `${quantity(q)} ${unit}`.trim();
}

/** Characters a spreadsheet column needs for the longest date in words ("30 September 2025"). */
export const DATE_WIDTH = 20;

/**
 * Spreadsheet number formats (Excel's, which LibreOffice reads) that show a typed value as this module writes it:
 * the appendices' sheets and the sheets the pane writes for the PMG.
 */
export const SHEET_FORMAT = {
  /** "1 April 2025". */
  date: 'd mmmm yyyy',
  /** "£1,234.50". */
  money: '"£"#,##0.00',
  /** "£80,000": whole pounds, as money() writes them. */
  wholePounds: '"£"#,##0',
  /** "1.50". */
  fte: '0.00',
  /** "33.33%". */
  percent: '0.00%',
} as const;

/** The money format for these amounts (a cell's, or a column's): pence only when some amount has them. */
export function sheetMoneyFormat(...amounts: number[]): string {
  return amounts.every(isWholePounds) ? SHEET_FORMAT.wholePounds : SHEET_FORMAT.money;
}

/** "sha256:ab12cd34ef56…" (or the bare hex): enough of a digest to compare by eye; the full one is in the file's properties. */
export function shortDigest(digest: string): string {
  const m = /^(sha256:)?([0-9a-f]+)$/.exec(digest);
  return m ? `${m[1] ?? ''}${m[2]!.slice(0, 12)}` : digest;
}
