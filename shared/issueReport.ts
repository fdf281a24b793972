/**
 * The issue list of a validation report, capped. A workbook of 20,000 junk rows has 140,000 issues: listing
 * every one would make a 33 MB answer that no reader goes through. A report lists the first
 * ISSUE_LIST_LIMIT issues in their order, and counts all of them: errors, warnings and each code. The API
 * (validate, and the 422 of a submission), the CLI and the add-in all show reports through this module, so
 * they agree on what a capped report says.
 */
import { ISSUE_CODES, type Issue, type IssueCode } from './issues.js';
import { count } from './displayFormat.js';

/** How many issues a report lists. */
export const ISSUE_LIST_LIMIT = 1000;

export interface IssueReport {
  /** Errors among all the issues, listed or not. */
  errors: number;
  /** Warnings among all the issues, listed or not. */
  warnings: number;
  /** How many issues of each code there are, listed or not (codes that did not occur are left out). */
  byCode: Partial<Record<IssueCode, number>>;
  /** True when `issues` lists only the first of them. */
  truncated: boolean;
  /** The first `limit` issues, in their order. */
  issues: Issue[];
}

/** The report of `issues`: every count, and the first `limit` of them listed. */
export function issueReport(issues: readonly Issue[], limit: number = ISSUE_LIST_LIMIT): IssueReport {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`An issue list limit must be a whole number, not ${limit}.`);
  let errors = 0;
  let warnings = 0;
  const counts = new Map<IssueCode, number>();
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
    counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  }
  // Codes in the order of the catalogue of codes, so two reports of the same workbook read alike.
  const byCode: Partial<Record<IssueCode, number>> = {};
  for (const code of Object.keys(ISSUE_CODES) as IssueCode[]) {
    const n = counts.get(code);
    if (n !== undefined) byCode[code] = n;
  }
  const truncated = issues.length > limit;
  return { errors, warnings, byCode, truncated, issues: truncated ? issues.slice(0, limit) : [...issues] };
}

/** How many issues the report counts but does not list. */
export function unlistedIssueCount(report: Pick<IssueReport, 'errors' | 'warnings' | 'issues'>): number {
  return Math.max(0, report.errors + report.warnings - report.issues.length);
}

/**
 * One sentence for a capped report, or null when it lists everything: how many more there are, the
 * commonest codes among all of them, and (`whereToSeeThem`) how the reader can see the rest, e.g.
 * "139,000 more issues are not listed (cell/required 100,000, cell/enum 39,000, cell/type 1,000): fix the
 * ones above, or run with --json to list every one."
 */
export function unlistedIssuesSentence(
  report: Pick<IssueReport, 'errors' | 'warnings' | 'issues' | 'byCode'>,
  whereToSeeThem?: string,
): string | null {
  const unlisted = unlistedIssueCount(report);
  if (unlisted === 0) return null;
  const commonest = (Object.entries(report.byCode) as [IssueCode, number][])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([code, n]) => `${code} ${count(n)}`);
  const more = `${count(unlisted)} more issue${unlisted === 1 ? ' is' : 's are'} not listed (of ${count(report.errors + report.warnings)}: ${commonest.join(', ')}${Object.keys(report.byCode).length > 3 ? ', …' : ''})`;
  return whereToSeeThem ? `${more}: ${whereToSeeThem}.` : `${more}.`;
}
