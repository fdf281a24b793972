/**
 * The MoU term in an appendix: its dates in words, and the funding committed over it. A commitment of GBP per
 * year counts for the years it overlaps the term (from the later of its start and the term's start to the
 * earlier of its end and the term's end; open-ended means to the end of the term), counted in calendar months
 * and the fraction of a month, so that 1 April 2025 to 31 March 2028 is 3 years exactly. A one-off GBP amount
 * counts in full. Only Agreed and Delivered commitments count, as in the register's totals.
 */
import { ukDate } from '../../../shared/displayFormat.js';
import { roundMoney } from '../../../shared/rounding.js';
import type { RegisterCommitment } from '../../../shared/types.js';

/** "1 April 2025 to 31 March 2028". */
export function termText(start: string, end: string): string {
  return `${ukDate(start)} to ${ukDate(end)}`;
}

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function addMonths(t: number, months: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last));
}

/** Months from `from` up to (not including) `until`: whole months, then the part of the next one. */
function monthsBetween(from: number, until: number): number {
  if (until <= from) return 0;
  const a = new Date(from);
  const b = new Date(until);
  let whole = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  while (whole > 0 && addMonths(from, whole) > until) whole--;
  const anchor = addMonths(from, whole);
  const next = addMonths(from, whole + 1);
  return whole + (until - anchor) / (next - anchor);
}

/** Years of the term that a commitment from `start` to `end` (inclusive; null: open-ended) overlaps. */
export function yearsInTerm(start: string, end: string | null, mouStart: string, mouEnd: string): number {
  const from = Math.max(at(start), at(mouStart));
  const until = Math.min(at(end ?? mouEnd), at(mouEnd)) + DAY;
  return monthsBetween(from, until) / 12;
}

const COUNTED = new Set(['agreed', 'delivered']);

/** GBP committed over the term by these commitments (one-off amounts in full, yearly ones for the years in it). */
export function fundingOverTerm(commitments: readonly RegisterCommitment[], mouStart: string, mouEnd: string): number {
  let total = 0;
  for (const c of commitments) {
    if (!COUNTED.has(c.status) || c.resourceType !== 'funding') continue;
    if (c.unit === 'gbp') total += c.quantity;
    else if (c.unit === 'gbp-per-year') total += c.quantity * yearsInTerm(c.start, c.end, mouStart, mouEnd);
  }
  return roundMoney(total);
}
