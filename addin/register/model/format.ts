/**
 * How the register page writes values, as a PMG chair would and as the appendices do: dates "1 April 2025",
 * money "£1,234.56", FTE to two places, stakes as percentages, digests shortened to their first 12 hex digits.
 */

const GROUPED_2DP = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** 1234.5 -> "£1,234.50"; -3 -> "-£3.00". */
export function money(n: number): string {
  return n < 0 ? `-£${GROUPED_2DP.format(-n)}` : `£${GROUPED_2DP.format(n)}`;
}

/** 1.5 -> "1.50". */
export function fte(n: number): string {
  return GROUPED_2DP.format(n);
}

/** 12000 -> "12,000". */
export function count(n: number): string {
  return GROUPED.format(n);
}

/** 0.16667 -> "16.67%". */
export function percent(share: number): string {
  return `${GROUPED_2DP.format(share * 100)}%`;
}

/** "2025-04-01" (or a timestamp) -> "1 April 2025"; anything else as it is. */
export function ukDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return LONG_DATE.format(new Date(Date.UTC(y, m - 1, d, 12)));
  }
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? value : LONG_DATE.format(t);
}

/** A timestamp as "1 April 2025 at 14:05" (UK time). */
export function ukDateTime(timestamp: string): string {
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? timestamp : `${LONG_DATE.format(t)} at ${TIME.format(t)}`;
}

/** "sha256:ab12…" -> "sha256:ab12cd34ef56". */
export function shortDigest(digest: string): string {
  const m = /^(sha256:)?([0-9a-f]+)$/i.exec(digest);
  return m ? `${m[1] ?? ''}${m[2]!.slice(0, 12)}` : digest;
}

/** "1 organisation", "3 organisations". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : nouns}`;
}
