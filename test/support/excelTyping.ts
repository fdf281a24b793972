/**
 * How Excel (en-US) reads a string written into a cell whose number format is General, as when the text is
 * typed, or set through `range.values` in Office.js: the fake of Excel (fakeExcel.ts) stores strings this way.
 *
 * - a leading apostrophe keeps the rest as text (the apostrophe is not part of the value);
 * - numbers: signs, thousands separators, decimals, exponents (`1E3`), currency (`$5`, `-$5`), percent
 *   (`50%` is 0.5), accounting negatives (`(100)`), leading zeros dropped (`007` is 7);
 * - fractions (`1 1/2` is 1.5, `0 3/4` is 0.75);
 * - dates, as serial numbers: `3/1`, `3/1/2025`, `3-1-25`, `2025-03-01`, `2025/3/1`, `3/2025`, `1-May`,
 *   `1 May`, `May 1`, `1 May 2025`, `May 1, 2025`, `Jan 1, 2025`, `April 2025`, `Apr-25`; with a time after;
 * - times, as fractions of a day: `12:30`, `12:30:15`, `1:30 PM`, `1 PM`;
 * - booleans: `TRUE`, `FALSE` in any case;
 * - a leading `=` is a formula; so is a leading `+`, `-` or `@` that is not a number.
 *
 * en-GB forms (`31/12/2025`) that are not en-US dates stay text here; Excel in an en-GB locale would read
 * them as dates. A cell with the text format `@` keeps any string as it is: that is modelled in fakeExcel.ts.
 */

export type Typed =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
/** The year Excel assumes for a date typed without one (tests pin it, so results do not change with the clock). */
export const ASSUMED_YEAR = 2025;

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function year(text: string | undefined): number {
  if (text === undefined) return ASSUMED_YEAR;
  const y = Number(text);
  if (text.length <= 2) return y < 30 ? 2000 + y : 1900 + y;
  return y;
}

/** The serial number of a calendar date, or null when there is no such day (or before 1900-03-01). */
export function serialOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  if (date.getUTCMonth() !== m - 1) return null;
  if (time < Date.UTC(1900, 2, 1)) return null;
  return (time - EPOCH) / DAY;
}

function timeOf(text: string): number | null {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}(?:\.\d+)?))?\s*(am|pm|a|p)?$/i.exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined)) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const s = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(m[4]) ? 12 : 0);
  }
  if (h > 23 || min > 59 || s >= 60) return null;
  return (h * 3600 + min * 60 + s) / 86_400;
}

function dateOf(text: string): number | null {
  let m: RegExpExecArray | null;
  // yyyy-mm-dd, yyyy/m/d
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text))) return serialOf(+m[1]!, +m[2]!, +m[3]!);
  // m/d/yy(yy), m-d-yy(yy), m/d
  if ((m = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(text))) {
    const serial = serialOf(year(m[4]), +m[1]!, +m[3]!);
    if (serial !== null) return serial;
  }
  // m/yyyy (month and year: the first of the month)
  if ((m = /^(\d{1,2})[-/](\d{4})$/.exec(text))) return serialOf(+m[2]!, +m[1]!, 1);
  // d-mmm(-yy), d mmm( yyyy)
  if ((m = new RegExp(`^(\\d{1,2})[- ]${MONTH}\\.?(?:[- ,]+(\\d{2}|\\d{4}))?$`, 'i').exec(text))) {
    return serialOf(year(m[3]), monthOf(m[2]!), +m[1]!);
  }
  // mmm d(, yyyy)
  if ((m = new RegExp(`^${MONTH}\\.?[- ](\\d{1,2})(?:,?[- ](\\d{4}))?$`, 'i').exec(text))) {
    return serialOf(year(m[3]), monthOf(m[1]!), +m[2]!);
  }
  // mmm yyyy, mmm-yy: the first of the month
  if ((m = new RegExp(`^${MONTH}\\.?[- ,]+(\\d{4}|\\d{2})$`, 'i').exec(text))) {
    return serialOf(year(m[2]), monthOf(m[1]!), 1);
  }
  return null;
}

function numberOf(text: string): number | null {
  let t = text;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  const m = /^([+-]?)\s*([$£€]?)\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)\s*(%?)$/i.exec(t);
  if (!m || !/\d/.test(m[4]!.replace(/e.*$/i, ''))) return null;
  if (m[1] && m[3]) return null;
  if (sign < 0 && (m[1] || m[3])) return null;
  const value = Number(m[4]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const signed = (m[1] === '-' || m[3] === '-' ? -1 : 1) * sign * value;
  return m[5] ? signed / 100 : signed;
}

function fractionOf(text: string): number | null {
  const m = /^([+-]?)(?:(\d+)\s+)?(\d+)\/(\d+)$/.exec(text);
  if (!m || m[2] === undefined) return null; // "1/2" alone is a date
  const denominator = Number(m[4]);
  if (denominator === 0) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / denominator);
}

/** What Excel makes of `text` written into a General cell. */
export function typeText(text: string): Typed {
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if (text.startsWith('=')) return { kind: 'formula', formula: text };
  const t = text.trim();
  if (t === '') return { kind: 'text', value: text };
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', value: /^true$/i.test(t) };
  const number = numberOf(t) ?? fractionOf(t);
  if (number !== null) return { kind: 'number', value: number };
  const time = timeOf(t);
  if (time !== null) return { kind: 'number', value: time };
  const date = dateOf(t);
  if (date !== null) return { kind: 'number', value: date };
  const dateTime = /^(.+?)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m?)?)$/i.exec(t);
  if (dateTime) {
    const d = dateOf(dateTime[1]!);
    const h = timeOf(dateTime[2]!);
    if (d !== null && h !== null) return { kind: 'number', value: d + h };
  }
  if (/^[+\-@]/.test(t)) return { kind: 'formula', formula: `=${t}` };
  return { kind: 'text', value: text };
}

/**
 * A table of Excel's typing rules: text a line manager may well write (a Description, a Ref, a Project, a
 * phone number) that a General cell would not keep as text, each with what Excel (en-US) makes of it.
 */
export const RETYPED: readonly [text: string, becomes: Typed][] = [
  // numbers: exponents, signs, separators, currency, percent, accounting negatives, leading zeros
  ['1E3', { kind: 'number', value: 1000 }],
  ['2.5e-2', { kind: 'number', value: 0.025 }],
  ['-1', { kind: 'number', value: -1 }],
  ['+44', { kind: 'number', value: 44 }],
  ['1,234,567', { kind: 'number', value: 1_234_567 }],
  ['$1,000.50', { kind: 'number', value: 1000.5 }],
  ['-$5', { kind: 'number', value: -5 }],
  ['50%', { kind: 'number', value: 0.5 }],
  ['(100)', { kind: 'number', value: -100 }],
  ['007', { kind: 'number', value: 7 }],
  ['.5', { kind: 'number', value: 0.5 }],
  // fractions
  ['1 1/2', { kind: 'number', value: 1.5 }],
  ['0 3/4', { kind: 'number', value: 0.75 }],
  // dates
  ['1/2', { kind: 'number', value: serialOf(ASSUMED_YEAR, 1, 2)! }],
  ['3/1/2025', { kind: 'number', value: serialOf(2025, 3, 1)! }],
  ['3-1-25', { kind: 'number', value: serialOf(2025, 3, 1)! }],
  ['2025-04-01', { kind: 'number', value: serialOf(2025, 4, 1)! }],
  ['2025/4/1', { kind: 'number', value: serialOf(2025, 4, 1)! }],
  ['3/2025', { kind: 'number', value: serialOf(2025, 3, 1)! }],
  ['April 2025', { kind: 'number', value: serialOf(2025, 4, 1)! }],
  ['Apr-25', { kind: 'number', value: serialOf(ASSUMED_YEAR, 4, 25)! }],
  ['Sep-2025', { kind: 'number', value: serialOf(2025, 9, 1)! }],
  ['1 May', { kind: 'number', value: serialOf(ASSUMED_YEAR, 5, 1)! }],
  ['1-May', { kind: 'number', value: serialOf(ASSUMED_YEAR, 5, 1)! }],
  ['May 1', { kind: 'number', value: serialOf(ASSUMED_YEAR, 5, 1)! }],
  ['Jan 1, 2025', { kind: 'number', value: serialOf(2025, 1, 1)! }],
  ['1 January 2025', { kind: 'number', value: serialOf(2025, 1, 1)! }],
  ['September 30, 2025', { kind: 'number', value: serialOf(2025, 9, 30)! }],
  // times, and a date with a time
  ['12:30', { kind: 'number', value: 0.5208333333333334 }],
  ['9:05:30', { kind: 'number', value: (9 * 3600 + 5 * 60 + 30) / 86_400 }],
  ['1:30 PM', { kind: 'number', value: 13.5 / 24 }],
  ['1 pm', { kind: 'number', value: 13 / 24 }],
  ['3/1/2025 10:00', { kind: 'number', value: serialOf(2025, 3, 1)! + 10 / 24 }],
  // booleans
  ['TRUE', { kind: 'boolean', value: true }],
  ['false', { kind: 'boolean', value: false }],
  // formulas
  ['=SUM(A1:A9)', { kind: 'formula', formula: '=SUM(A1:A9)' }],
  ['+44 113 000', { kind: 'formula', formula: '=+44 113 000' }],
  ['- see notes', { kind: 'formula', formula: '=- see notes' }],
  ['@user', { kind: 'formula', formula: '=@user' }],
];

/** Dates in en-GB form that en-US Excel keeps as text but Excel in an en-GB locale reads as dates. */
export const EN_GB_DATES: readonly string[] = ['31/12/2025', '13/1/25', '25-12-2025', '31/03/2026 17:00'];

/** Text that Excel keeps as text in a General cell. */
export const KEPT: readonly string[] = [
  'Analyst time',
  '0113 000 0001',
  'pat@leeds.example',
  'R-12',
  '1.2.3',
  'Mayfair',
  'Q1 2025',
];
