/**
 * A difference between an uploaded file and what its register version renders, how it reads in a sentence, and
 * the bounded list `verify` answers with: the first MAX_DIFFERENCES in full (their text cut to MAX_EXCERPT
 * characters), the rest only counted, so no file can make the answer large.
 */

export interface Difference {
  /** "Appendix D Resource commitments", "sheet "D Commitments"", "README.txt", "the register". */
  where: string;
  /** Row in the table, sheet or file (1 = the header row), when the difference is in one. */
  row: number | null;
  /**
   * How a reader finds that row or paragraph, when there is a better name than its number: "row POL-03" (its
   * Ref, organisation or first cell), "paragraph 2".
   */
  key?: string | null;
  /** The column's header, the field's name or path (`totals.byOrganisation[2].fundingGbp`). */
  field: string | null;
  /** What the file holds, and what the register version renders there ("" for nothing). */
  found: string;
  expected: string;
}

/** Differences kept in full in an answer; the rest are counted. */
export const MAX_DIFFERENCES = 100;
/** Characters of a found or expected text kept in an answer. */
export const MAX_EXCERPT = 300;
/** Differences listed in the message. */
const SHOWN = 10;

export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** Collects differences: keeps the first MAX_DIFFERENCES (excerpts cut), counts all of them. */
export class Differences {
  readonly kept: Difference[] = [];
  count = 0;

  add(d: Difference): void {
    this.count++;
    if (this.kept.length < MAX_DIFFERENCES) {
      this.kept.push({ ...d, found: excerpt(d.found), expected: excerpt(d.expected) });
    }
  }

  /** Whether more differences would only be counted (a comparison may stop looking for details). */
  get full(): boolean {
    return this.kept.length >= MAX_DIFFERENCES;
  }
}

function show(text: string): string {
  const one = text.replace(/\r?\n/g, ' ⏎ ');
  return `"${excerpt(one, 80)}"`;
}

export function describeDifference(d: Difference): string {
  const row = d.key ? d.key : d.row !== null ? `row ${d.row}` : null;
  const place = [d.where, row, d.field].filter(Boolean).join(', ');
  if (d.found === '' && d.expected !== '') {
    return d.field === null && row
      ? `${place} removed (the register has ${show(d.expected)}).`
      : `${place}: missing from the file (the register has ${show(d.expected)}).`;
  }
  if (d.expected === '' && d.found !== '') {
    return d.field === null && row
      ? `${place} added (the file has ${show(d.found)}, which the register does not).`
      : `${place}: the file has ${show(d.found)}, which the register does not.`;
  }
  return `${place}: the file says ${show(d.found)}, the register says ${show(d.expected)}.`;
}

/** The message's list: the first few differences, then how many more. */
export function listDifferences(kept: readonly Difference[], count: number): string {
  const lines = kept.slice(0, SHOWN).map((d) => `  ${describeDifference(d)}`);
  if (count > SHOWN) lines.push(`  ... and ${(count - SHOWN).toLocaleString('en-GB')} more.`);
  return lines.join('\n');
}
