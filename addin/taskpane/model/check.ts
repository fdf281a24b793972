/**
 * Check: the workbook's raw tables parsed and validated by shared/ in the pane (no round trip), the issues
 * capped as every report is (shared/issueReport.ts) and grouped by sheet for the list, and the digest of the
 * valid submission, which is what the service stores, so the pane can tell whether the workbook changed since
 * it was last submitted or loaded.
 */
import { digestOf } from '../../../shared/digest.js';
import { issueReport, type IssueReport } from '../../../shared/issueReport.js';
import type { Issue } from '../../../shared/issues.js';
import { parseWorkbook } from '../../../shared/parse.js';
import type { Catalogue, RawTables, Submission } from '../../../shared/types.js';

/** Issues without a sheet are listed under this heading. */
export const WHOLE_WORKBOOK = 'Workbook';

export interface SheetIssues {
  sheet: string;
  errors: number;
  warnings: number;
  /** The listed issues of this sheet (the report lists the first ISSUE_LIST_LIMIT of all). */
  issues: Issue[];
}

export interface CheckResult {
  report: IssueReport;
  bySheet: SheetIssues[];
  organisationId: string | null;
  /** Null when the workbook has errors. */
  submission: Submission | null;
  /** Digest of the submission as the service computes it; null when it has errors. */
  digest: string | null;
}

/** Listed issues by sheet, in the report's order (which is workbook order). */
export function groupBySheet(issues: readonly Issue[]): SheetIssues[] {
  const groups = new Map<string, SheetIssues>();
  for (const issue of issues) {
    const sheet = issue.sheet ?? WHOLE_WORKBOOK;
    let group = groups.get(sheet);
    if (!group) {
      group = { sheet, errors: 0, warnings: 0, issues: [] };
      groups.set(sheet, group);
    }
    group.issues.push(issue);
    if (issue.severity === 'error') group.errors++;
    else group.warnings++;
  }
  return [...groups.values()];
}

export function checkTables(tables: RawTables, catalogue: Catalogue, expectedOrganisationId?: string): CheckResult {
  const parsed = parseWorkbook(tables, catalogue, expectedOrganisationId ? { expectedOrganisationId } : {});
  const report = issueReport(parsed.issues);
  return {
    report,
    bySheet: groupBySheet(report.issues),
    organisationId: parsed.organisationId,
    submission: parsed.submission,
    digest: parsed.submission ? digestOf(parsed.submission) : null,
  };
}

/** What a 422 says beyond its listed issues, when it capped them (server: shared/issueReport.ts). */
export interface ServiceCounts {
  errorCount?: number;
  byCode?: Record<string, number>;
  truncated?: boolean;
}

/**
 * A report of issues the service sent (a 422), shown the same way as the pane's own; when the service listed
 * only the first of them, its counts of all of them.
 */
export function reportOf(
  issues: readonly Issue[],
  counts: ServiceCounts = {},
): Pick<CheckResult, 'report' | 'bySheet'> {
  let report = issueReport(issues);
  if (counts.truncated && counts.byCode && counts.errorCount !== undefined) {
    const total = Object.values(counts.byCode).reduce((n, c) => n + c, 0);
    report = {
      ...report,
      errors: counts.errorCount,
      warnings: Math.max(0, total - counts.errorCount),
      byCode: counts.byCode as IssueReport['byCode'],
      truncated: true,
    };
  }
  return { report, bySheet: groupBySheet(report.issues) };
}
